import { randomUUID } from 'node:crypto';
import { caseStream } from '../../src/cases/shared/case-stream';
import { linkoping, osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { EventStore } from '../../src/event-store/event-store.port';
import { caseMachine, CASE_MACHINE_ID, CASE_MACHINE_VERSION, deriveMachine, machines, retarget } from '../../src/lifecycle';
import { bearer, TestApi } from '../support/api';
import { context } from '../support/events';
import { walk } from '../support/seed-walk';

/** New cases start under the current version; the test brings the next one. */
const FROM = CASE_MACHINE_VERSION;
const NEXT = CASE_MACHINE_VERSION + 1;

/** The next version of the case machine as a release would bring it: a preparation state relabelled, signing renamed to contracting. */
const next = deriveMachine(caseMachine, (config) => {
  config.states.preparation.states!.proposalDrafted.meta = { label: { sv: 'Beredning', en: 'Preparation' } };
  config.states.contracting = config.states.signing;
  delete config.states.signing;
  retarget(config, '#iopCase.signing', '#iopCase.contracting');
});

describe('moving live cases to a new machine version', () => {
  let api: TestApi;
  beforeAll(async () => {
    machines[CASE_MACHINE_ID][NEXT] = next;
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
    delete machines[CASE_MACHINE_ID][NEXT];
  });

  const admin = () => bearer({ roles: ['admin'], tenant: 'linkoping' });
  const migrate = async (caseId: string, body: object, headers?: Record<string, string>) =>
    api
      .http()
      .post(`/cases/${caseId}/machine-migrations`)
      .set(headers ?? (await admin()))
      .send(body);
  const getCase = async (caseId: string) =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }))
    ).body;
  const metadataOf = async (caseId: string) =>
    (await api.db.pool.query(`SELECT type, metadata FROM events WHERE tenant = 'linkoping' AND stream_id = $1 ORDER BY events.revision`, [`case-${caseId}`]))
      .rows;

  it('given a case in a state the next version knows, when an admin moves it, then it keeps state and facts, and its later events are decided and recorded under it', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer', 'draft']);
    const stayed = (await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer', 'draft'])).caseId;
    const before = await getCase(caseId);

    const moved = await migrate(caseId, { toVersion: NEXT, reason: 'Ny delegationsordning' }, { ...(await admin()), 'If-Match': '"3"' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ revision: '4', state: { paths: ['preparation.proposalDrafted'], label: { sv: 'Beredning' } } });

    await walk(api, 'linkoping', linkoping, ['signProposal'], caseId);
    await walk(api, 'linkoping', linkoping, ['signProposal'], stayed);
    const after = await getCase(caseId);
    expect(after).toMatchObject({ machine: { id: CASE_MACHINE_ID, version: NEXT }, revision: '5', state: { paths: ['preparation.proposalSigned'] } });
    expect(after.facts.officer).toEqual(before.facts.officer);
    expect((await getCase(stayed)).machine).toEqual({ id: CASE_MACHINE_ID, version: FROM });

    const recorded = await metadataOf(caseId);
    expect(recorded.map((e) => [e.type, e.metadata.machineVersion, e.metadata.schemaVersion])).toEqual([
      // Money to the öre made both payloads with terms schema v2 (funding lines in öre); the
      // documents made the registration and the signed proposal v2 (the document's kind, version, sha256).
      ['ApplicationSubmitted', FROM, 2],
      ['CaseRegistered', FROM, 2],
      ['OfficerAssigned', FROM, 1],
      ['ProposalDrafted', FROM, 2],
      ['MachineVersionChanged', NEXT, 1],
      ['ProposalSigned', NEXT, 2],
    ]);
    expect((await metadataOf(stayed)).map((e) => e.metadata.machineVersion)).toEqual([FROM, FROM, FROM, FROM, FROM]);

    const auditor = await bearer({ roles: ['auditor'], tenant: 'linkoping' });
    expect((await api.http().get(`/audit/cases/${caseId}/verify`).set(auditor)).body).toMatchObject({ intact: true, events: 6 });
    const history = (await api.http().get(`/cases/${caseId}/history`).set(auditor)).body;
    expect(history.events[4]).toMatchObject({
      type: 'MachineVersionChanged',
      machine: { version: NEXT },
      stateBefore: { label: { en: 'In preparation – proposal drafted' } },
      stateAfter: { label: { sv: 'Beredning' } },
    });
    // Time travel before the change still shows the case under the version it started with.
    expect((await api.http().get(`/cases/${caseId}?revision=3`).set(auditor)).body).toMatchObject({
      machine: { version: FROM },
      state: { label: { en: 'In preparation – proposal drafted' } },
    });
  }, 30_000);

  it('given a case in a state the next version does not have, when an admin moves it, then it is refused with reasons and nothing is written', async () => {
    const { caseId } = await walk(api, 'osteraker', osterakerBrottsofferjouren, [
      'submit',
      'register',
      'assignOfficer',
      'draft',
      'signProposal',
      'schedule',
      'approve',
      'justering',
      'posting',
      'final',
    ]);
    const refused = await api
      .http()
      .post(`/cases/${caseId}/machine-migrations`)
      .set(await bearer({ roles: ['admin'], tenant: 'osteraker' }))
      .send({ toVersion: NEXT, reason: 'Ny version' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'MIGRATION_REFUSED',
      details: { reasons: [{ rule: 'STATE_UNKNOWN', en: expect.stringContaining('signing') }] },
    });
    const { rows } = await api.db.pool.query(`SELECT revision FROM streams WHERE tenant = 'osteraker' AND stream_id = $1`, [`case-${caseId}`]);
    expect(rows[0].revision).toBe('9');

    // Forced past the rules, straight into the store: the hash chain is right, replay verification still refuses it.
    const data = { from: { id: CASE_MACHINE_ID, version: FROM }, to: { id: CASE_MACHINE_ID, version: NEXT }, reason: 'forged', at: '2023-10-04T12:00:00Z' };
    await api.app.get(EventStore).append(caseStream('osteraker', caseId), [{ id: randomUUID(), type: 'MachineVersionChanged', data }], {
      expectedRevision: 9n,
      context: { ...context, machineId: CASE_MACHINE_ID, machineVersion: NEXT },
    });
    const verdict = (
      await api
        .http()
        .get(`/audit/cases/${caseId}/verify`)
        .set(await bearer({ roles: ['auditor'], tenant: 'osteraker' }))
    ).body;
    expect(verdict).toMatchObject({ intact: false, problem: { revision: '10', what: expect.stringMatching(/STATE_UNKNOWN: State signing does not exist/) } });
  }, 30_000);

  it('refuses anyone but an admin, an unknown version and a malformed request', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit']);
    expect((await migrate(caseId, { toVersion: NEXT, reason: 'x' }, await bearer({ roles: ['handlaggare', 'chef'], tenant: 'linkoping' }))).body).toMatchObject(
      {
        statusCode: 403,
        code: 'FORBIDDEN_ROLE',
      },
    );
    expect((await migrate(caseId, { toVersion: 7, reason: 'x' })).body).toMatchObject({
      statusCode: 422,
      code: 'MIGRATION_REFUSED',
      details: { reasons: [{ rule: 'UNKNOWN_MACHINE' }] },
    });
    expect((await migrate(caseId, { toVersion: 'two' })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  }, 30_000);
});
