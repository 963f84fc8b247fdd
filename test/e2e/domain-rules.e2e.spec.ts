import { v1Payload } from '../support/v1-payloads';
import { randomUUID } from 'node:crypto';
import { caseStream } from '../../src/cases/shared/case-stream';
import { linkoping, robertsfors } from '../../src/demo/seed-cases';
import { EventStore, type JsonObject } from '../../src/event-store/event-store.port';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, type CaseEvent } from '../../src/lifecycle';
import { bearer, TestApi, type Caller } from '../support/api';
import { context } from '../support/events';
import { seedEvents } from '../support/seeded-cases';
import { walk } from '../support/seed-walk';

/**
 * Issue 11, item 8: the domain rules put right, each over HTTP. Every refused variant answers with
 * a machine-readable code and leaves the case at the revision it had.
 */

/** The seed's steps up to and including `last`. */
const through = (seed: object, last: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(last) + 1);

const secretary: Caller = { roles: ['namndsekreterare'], tenant: 'linkoping' };
const officer: Caller = { roles: ['handlaggare'], tenant: 'linkoping' };
const registrator: Caller = { roles: ['registrator'], tenant: 'linkoping', name: 'Rut Registrator' };
const LINKOPING_ORG = '822004-0417';

describe('domain rules of issue 11 (8a, 8b, 8e, 8f)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const send = async (caseId: string, type: string, body: object, caller: Caller) =>
    api
      .http()
      .post(`/cases/${caseId}/commands/${type}`)
      .set(await bearer(caller))
      .send(body);
  const view = async (caseId: string, caller: Caller = officer) =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer(caller))
    ).body;
  /** Sends a command that must be refused with `status` and `code` (and `rule`), and checks that the case did not change. */
  const refused = async (caseId: string, type: string, body: object, caller: Caller, expected: { status: number; code: string; rule?: string }) => {
    const before = (await view(caseId)).revision;
    const answer = await send(caseId, type, body, caller);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: expected.status, code: expected.code });
    if (expected.rule) expect(answer.body.details.violations.map((v: { rule: string }) => v.rule)).toContain(expected.rule);
    expect((await view(caseId)).revision).toBe(before);
    return answer.body;
  };

  describe('8a: an appeal lodged within the window but learnt of after finality was recorded', () => {
    const appeal = { lodgedOn: '2022-12-06', court: 'Förvaltningsrätten i Linköping', caseReference: '99-23' };

    it('is accepted after record-final: the decision was not final after all, the case waits for the court and shows that a person must resolve the signature made', async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, through(linkoping, 'signMunicipality'));
      api.on('2023-01-16');
      await refused(caseId, 'lodge-appeal', { ...appeal, lodgedOn: '2022-12-07' }, secretary, {
        status: 422,
        code: 'RULE_VIOLATED',
        rule: 'APPEAL_OUTSIDE_WINDOW',
      });
      await refused(caseId, 'lodge-appeal', appeal, officer, { status: 403, code: 'FORBIDDEN_ROLE' });

      const lodged = await send(caseId, 'lodge-appeal', appeal, secretary);
      expect(lodged.status).toBe(200);
      expect(lodged.body.state).toMatchObject({
        paths: ['decision.approved.appealedAfterSigning'],
        label: {
          sv: 'Överklagad efter undertecknande – en handläggare måste ta ställning till det undertecknade',
          en: 'Appealed after signing – a person must resolve what was signed',
        },
      });
      const appealed = await view(caseId, secretary);
      expect(appealed.machine).toEqual({ id: CASE_MACHINE_ID, version: CASE_MACHINE_VERSION });
      expect(appealed.facts.finalOn).toBeNull();
      expect(appealed.facts.appeal).toEqual({ ...appeal, outcome: null, finalityWithdrawn: { finalOn: '2022-12-07', signedBy: ['municipality'] } });
      expect(appealed.facts.signatures.municipality).toMatchObject({ signedOn: '2022-12-10' });
      expect(appealed.allowedCommands).toEqual(['record-appeal-outcome']);

      // Upheld: signing resumes where it was; the organisation signs after the judgment and the case is active.
      api.on('2023-03-01');
      const upheld = await send(caseId, 'record-appeal-outcome', { outcome: 'upheld', decidedOn: '2023-03-01' }, secretary);
      expect(upheld.body.state.paths).toEqual(['signing.municipality.signed', 'signing.organisation.unsigned']);
      api.on('2023-03-02');
      const representative = { roles: ['organisation' as const], tenant: 'linkoping', org: LINKOPING_ORG };
      const signed = await send(
        caseId,
        'sign',
        { party: 'organisation', signatory: { name: 'Firmatecknare', title: 'Firmatecknare' }, organisationNumber: LINKOPING_ORG, signedOn: '2023-03-02' },
        representative,
      );
      expect(signed.body.state.paths).toEqual(['active.running']);
      await refused(caseId, 'lodge-appeal', appeal, secretary, { status: 422, code: 'RULE_VIOLATED', rule: 'APPEAL_ALREADY_DECIDED' });
    }, 60_000);

    it('a case living under v1 refuses it (409); moved to v2 by an admin, it accepts it', async () => {
      const caseId = await appendUnderV1(api, seedEvents(linkoping, 'signOrganisation'));
      api.on('2023-01-16');
      const refusal = await refused(caseId, 'lodge-appeal', appeal, secretary, { status: 409, code: 'TRANSITION_NOT_ALLOWED' });
      expect(refusal.message).toMatch(/lodge-appeal/);
      const moved = await api
        .http()
        .post(`/cases/${caseId}/machine-migrations`)
        .set(await bearer({ roles: ['admin'], tenant: 'linkoping' }))
        .send({ toVersion: CASE_MACHINE_VERSION, reason: 'Sena överklaganden (ärende 11)' });
      expect(moved.status).toBe(200);
      const lodged = await send(caseId, 'lodge-appeal', appeal, secretary);
      expect(lodged.body.state.paths).toEqual(['decision.approved.appealedAfterSigning']);
      const auditor = await bearer({ roles: ['auditor'], tenant: 'linkoping' });
      expect((await api.http().get(`/audit/cases/${caseId}/verify`).set(auditor)).body).toMatchObject({ intact: true });
    }, 30_000);
  });

  describe('8b: termination and expiry only after the last day in force', () => {
    it('termination: refused on the day notice takes effect, with the rule and a Swedish message; recorded the day after', async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, through(linkoping, 'notice'));
      api.on('2025-09-30');
      const body = await refused(caseId, 'record-termination', {}, officer, { status: 422, code: 'RULE_VIOLATED', rule: 'AGREEMENT_STILL_IN_FORCE' });
      expect(body.details.violations[0].sv).toBe('Överenskommelsen gäller till och med 2025-09-30; upphörandet kan registreras först 2025-10-01.');
      api.on('2025-10-01');
      const terminated = await send(caseId, 'record-termination', {}, officer);
      expect(terminated.body.state.paths).toEqual(['terminated']);
      expect((await view(caseId)).facts.closed).toEqual({ as: 'terminated', on: '2025-09-30' });
    }, 60_000);

    it("expiry: refused on the period's last day; recorded the day after", async () => {
      const { caseId } = await walk(api, 'robertsfors', robertsfors, through(robertsfors, 'payment2018'));
      const officerThere = { ...officer, tenant: 'robertsfors' };
      const refusedOn = async (date: string) => {
        api.on(date);
        const before = (await view(caseId, officerThere)).revision;
        const answer = await send(caseId, 'record-expiry', {}, officerThere);
        expect(answer.body).toMatchObject({ statusCode: 422, code: 'RULE_VIOLATED', details: { violations: [{ rule: 'AGREEMENT_STILL_IN_FORCE' }] } });
        expect((await view(caseId, officerThere)).revision).toBe(before);
      };
      await refusedOn('2020-12-22');
      await refusedOn('2020-12-23');
      api.on('2020-12-24');
      const expired = await send(caseId, 'record-expiry', {}, officerThere);
      expect(expired.body.state.paths).toEqual(['expired']);
    }, 60_000);
  });

  describe('8e: officials record what the organisation sent on paper or by e-mail', () => {
    const signature = {
      party: 'organisation',
      signatory: { name: 'Firmatecknare', title: 'Firmatecknare' },
      organisationNumber: LINKOPING_ORG,
      signedOn: '2022-12-12',
    };
    const onPaper = { channel: 'paper', receivedOn: '2022-12-14' };

    it("a registrator records the organisation's paper signature; the event says who recorded it, how it came and for whom", async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, through(linkoping, 'signMunicipality'));
      api.on('2022-12-14');
      await refused(caseId, 'sign', signature, registrator, { status: 403, code: 'FORBIDDEN_ROLE' });
      await refused(
        caseId,
        'sign',
        { ...signature, receipt: onPaper },
        { roles: ['organisation'], tenant: 'linkoping', org: LINKOPING_ORG },
        {
          status: 403,
          code: 'FORBIDDEN_ROLE',
        },
      );
      await refused(caseId, 'sign', { ...signature, receipt: { ...onPaper, channel: 'fax' } }, registrator, { status: 400, code: 'VALIDATION_FAILED' });
      await refused(caseId, 'sign', { ...signature, receipt: { ...onPaper, receivedOn: '2022-12-11' } }, registrator, {
        status: 422,
        code: 'RULE_VIOLATED',
        rule: 'RECEIVED_BEFORE_WRITTEN',
      });
      await refused(caseId, 'sign', { ...signature, receipt: { ...onPaper, receivedOn: '2022-12-15' } }, registrator, {
        status: 422,
        code: 'RULE_VIOLATED',
        rule: 'DATE_IN_FUTURE',
      });

      const signed = await send(caseId, 'sign', { ...signature, receipt: onPaper }, registrator);
      expect(signed.status).toBe(200);
      expect(signed.body.state.paths).toEqual(['active.running']);
      expect((await view(caseId)).facts.signatures.organisation).toMatchObject({ receipt: { ...onPaper, onBehalfOf: 'organisation' } });
      const history = (
        await api
          .http()
          .get(`/cases/${caseId}/history`)
          .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }))
      ).body;
      expect(history.events.at(-1)).toMatchObject({
        type: 'AgreementSigned',
        actor: { role: 'registrator', name: 'Rut Registrator' },
        payload: { party: 'organisation', receipt: { channel: 'paper', receivedOn: '2022-12-14', onBehalfOf: 'organisation' } },
      });
    }, 60_000);

    it("a handläggare records the organisation's notice received on paper and a withdrawal received by e-mail", async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, through(linkoping, 'reportBack'));
      api.on('2025-04-02');
      const notice = { party: 'organisation', receivedOn: '2025-03-31', inWriting: true };
      await refused(caseId, 'give-notice', { ...notice, receipt: { channel: 'paper', receivedOn: '2025-04-01' } }, officer, {
        status: 422,
        code: 'RULE_VIOLATED',
        rule: 'RECEIPT_DATE_MISMATCH',
      });
      await refused(caseId, 'give-notice', { ...notice, party: 'municipality', receipt: { channel: 'paper', receivedOn: '2025-03-31' } }, officer, {
        status: 403,
        code: 'FORBIDDEN_ROLE',
      });
      const given = await send(caseId, 'give-notice', { ...notice, receipt: { channel: 'paper', receivedOn: '2025-03-31' } }, officer);
      expect(given.body.state.paths).toEqual(['active.underNotice']);
      expect((await view(caseId)).facts.notice).toMatchObject({ effectiveOn: '2025-09-30', receipt: { channel: 'paper', onBehalfOf: 'organisation' } });

      const { caseId: applied } = await walk(api, 'linkoping', linkoping, through(linkoping, 'assignOfficer'));
      api.on('2022-09-12');
      const withdrawal = { withdrawnOn: '2022-09-09', reason: 'Styrelsen avstår.' };
      await refused(applied, 'withdraw', withdrawal, officer, { status: 403, code: 'FORBIDDEN_ROLE' });
      const withdrawn = await send(applied, 'withdraw', { ...withdrawal, receipt: { channel: 'email', receivedOn: '2022-09-12' } }, officer);
      expect(withdrawn.body.state.paths).toEqual(['withdrawn']);
    }, 60_000);
  });

  describe('8f: a deadline that has passed and needs nothing more reads as passed, not overdue', () => {
    it('the appeal window that ran out is passed; the finality still to record is overdue; the list filters by both', async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, through(linkoping, 'posting'));
      const statuses = async () =>
        Object.fromEntries(
          (
            await api
              .http()
              .get(`/cases/${caseId}/deadlines`)
              .set(await bearer(officer))
          ).body.deadlines.map((d: { key: string; status: string }) => [d.key, d.status]),
        );
      api.on('2022-12-06');
      expect(await statuses()).toMatchObject({ 'appeal-window-ends': 'due-today', 'decision-final': 'upcoming' });
      api.on('2022-12-08');
      expect(await statuses()).toMatchObject({ 'appeal-window-ends': 'passed', 'decision-final': 'overdue' });

      const listed = async (status: string) =>
        eventually(async () =>
          (
            await api
              .http()
              .get(`/deadlines?from=2022-12-01&to=2022-12-31&status=${status}`)
              .set(await bearer(officer))
          ).body.items
            .filter((d: { caseId: string }) => d.caseId === caseId)
            .map((d: { key: string; status: string }) => `${d.key} ${d.status}`),
        );
      expect(await listed('passed')).toEqual(['appeal-window-ends passed']);
      expect(await listed('overdue')).toEqual(['decision-final overdue']);
    }, 60_000);
  });
});

/** The read model follows within moments: retries until it holds something. */
async function eventually<T>(read: () => Promise<T[]>, timeoutMs = 10_000): Promise<T[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value.length > 0 || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A case as a build before machine v2 wrote it: every event recorded under iopCase v1, and the
 * payloads in their v1 shape (schema version 1: whole kronor, no receipt; read back through the upcasters).
 */
async function appendUnderV1(api: TestApi, events: readonly CaseEvent[]): Promise<string> {
  const caseId = randomUUID();
  await api.app.get(EventStore).append(
    caseStream('linkoping', caseId),
    events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: v1Payload(event) as JsonObject,
      schemaVersion: 1,
    })),
    { expectedRevision: 'no_stream', context: { ...context, machineId: CASE_MACHINE_ID, machineVersion: 1 } },
  );
  return caseId;
}
