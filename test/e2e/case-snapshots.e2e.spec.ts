import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { SNAPSHOT_EVERY } from '../../src/cases/shared/case-repository';
import { loadConfig } from '../../src/config/app-config';
import { linkoping } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { caseMachine, CASE_MACHINE_ID, deriveMachine, machines, retarget } from '../../src/lifecycle';
import { createLogger } from '../../src/logging/logger';
import { bearer, JWT_SECRET, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

/** v2 as in the machine-migration test: signing renamed contracting. */
const v2 = deriveMachine(caseMachine, (config) => {
  config.states.contracting = config.states.signing;
  delete config.states.signing;
  retarget(config, '#iopCase.signing', '#iopCase.contracting');
});

/**
 * A command folds a case on from the newest state known — this instance's, or a snapshot stored per
 * machine version — instead of from its first event. These are the ways that could go wrong.
 */
describe('case snapshots', () => {
  let api: TestApi;
  beforeAll(async () => {
    machines[CASE_MACHINE_ID][2] = v2;
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
    delete machines[CASE_MACHINE_ID][2];
  });

  /** Another service instance on the same database: its own process memory, nothing folded yet. */
  async function otherInstance(): Promise<NestExpressApplication> {
    const config = loadConfig({ DATABASE_URL: api.db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
    const app = await createApp(config, createLogger('silent'), api.clock);
    await app.init();
    return app;
  }

  const officer = () => bearer({ roles: ['handlaggare'], tenant: 'linkoping' });
  const chef = () => bearer({ roles: ['chef'], tenant: 'linkoping' });
  const auditor = () => bearer({ roles: ['auditor'], tenant: 'linkoping' });
  const reassign = async (caseId: string, name: string, via: NestExpressApplication = api.app) =>
    request(via.getHttpServer())
      .post(`/cases/${caseId}/commands/assign-officer`)
      .set(await chef())
      .send({ officer: { id: name.toLowerCase().replace(/ /g, '.'), name }, assignedOn: '2022-09-05' });
  const snapshotsOf = async (caseId: string) =>
    (
      await api.db.pool.query(
        `SELECT machine_version, revision::int AS revision FROM case_snapshots WHERE tenant = 'linkoping' AND stream_id = $1 ORDER BY 1`,
        [`case-${caseId}`],
      )
    ).rows;
  const verify = async (caseId: string) =>
    (
      await api
        .http()
        .get(`/audit/cases/${caseId}/verify`)
        .set(await auditor())
    ).body;

  /** A case registered with an officer, then reassigned until it is `length` events long. */
  async function longCase(length: number): Promise<string> {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer']);
    api.on('2022-09-05');
    for (let revision = 3; revision < length; revision++) expect((await reassign(caseId, `Officer ${revision}`)).status).toBe(200);
    return caseId;
  }

  it('stores a snapshot once a case is SNAPSHOT_EVERY events past the last, and verify finds a wrong one, naming its revision', async () => {
    const caseId = await longCase(Number(SNAPSHOT_EVERY) + 5);
    // Written by whichever load first found the case SNAPSHOT_EVERY events on (a command's, or a projection's).
    const [stored, ...more] = await snapshotsOf(caseId);
    expect(more).toEqual([]);
    expect(stored.machine_version).toBe(1);
    expect(stored.revision).toBeGreaterThanOrEqual(Number(SNAPSHOT_EVERY) - 1);
    expect(await verify(caseId)).toMatchObject({ intact: true, events: Number(SNAPSHOT_EVERY) + 5 });

    await api.db.pool.query(
      `UPDATE case_snapshots SET state = jsonb_set(state, '{context,officer,name}', '"Mallory"') WHERE tenant = 'linkoping' AND stream_id = $1`,
      [`case-${caseId}`],
    );
    expect(await verify(caseId)).toMatchObject({
      intact: false,
      problem: { revision: String(stored.revision), what: expect.stringContaining('does not match the fold') },
    });
    const everything = (
      await api
        .http()
        .post('/audit/verify')
        .set(await auditor())
        .send({})
    ).body;
    expect(everything).toMatchObject({ intact: false, broken: [{ caseId, problem: { revision: String(stored.revision) } }] });
  });

  it('finds a snapshot that was not made from the event at its revision, or lies past the end of the stream', async () => {
    const caseId = await longCase(Number(SNAPSHOT_EVERY) + 1);
    const [stored] = await snapshotsOf(caseId);
    await api.db.pool.query(`UPDATE case_snapshots SET revision = revision - 1 WHERE tenant = 'linkoping' AND stream_id = $1`, [`case-${caseId}`]);
    expect((await verify(caseId)).problem).toEqual({ revision: String(stored.revision - 1), what: expect.stringContaining('was not made from this event') });
    await api.db.pool.query(`UPDATE case_snapshots SET revision = 1000 WHERE tenant = 'linkoping' AND stream_id = $1`, [`case-${caseId}`]);
    expect((await verify(caseId)).problem).toEqual({ revision: '1000', what: expect.stringContaining("past the stream's end") });
  });

  it("a command on one instance after another instance appended decides on the new state, and is recorded after the other's event", async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
    const other = await otherInstance();
    try {
      // This instance knows the case at revision 1 (registered, no officer): it cannot be drafted yet.
      const { body: draftBody, date } = seedRequest(linkoping.draft);
      api.on(date);
      expect(
        (
          await api
            .http()
            .post(`/cases/${caseId}/commands/draft-proposal`)
            .set(await officer())
            .send(draftBody)
        ).status,
      ).toBe(409);
      expect(
        (
          await api
            .http()
            .post(`/cases/${caseId}/commands/draft-proposal`)
            .set(await officer())
            .send(draftBody)
        ).body,
      ).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
      // The other instance assigns the officer; this one must see it without being told.
      expect((await reassign(caseId, 'John Fristedt', other)).body).toMatchObject({ revision: '2' });
      const drafted = await api
        .http()
        .post(`/cases/${caseId}/commands/draft-proposal`)
        .set(await officer())
        .send(draftBody);
      expect(drafted.body).toMatchObject({ revision: '3', state: { paths: ['preparation.proposalDrafted'] } });
      // And the other way round, past a stored snapshot.
      for (let i = 0; i < Number(SNAPSHOT_EVERY); i++) expect((await reassign(caseId, `Officer ${i}`, other)).status).toBe(200);
      const last = await reassign(caseId, 'Last Officer');
      expect(last.body.revision).toBe(String(3 + Number(SNAPSHOT_EVERY) + 1));
      const shown = await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await officer());
      expect(shown.body.facts.officer.name).toBe('Last Officer');
      expect(await verify(caseId)).toMatchObject({ intact: true });
    } finally {
      await other.close();
    }
  });

  it('a machine migration moves the case on under the new machine, and a snapshot another build made is not used', async () => {
    const caseId = await longCase(Number(SNAPSHOT_EVERY) + 2);
    const migrated = await api
      .http()
      .post(`/cases/${caseId}/machine-migrations`)
      .set(await bearer({ roles: ['admin'], tenant: 'linkoping' }))
      .send({ toVersion: 2, reason: 'Ny delegationsordning' });
    expect(migrated.status).toBe(200);
    for (let i = 0; i < Number(SNAPSHOT_EVERY); i++) expect((await reassign(caseId, `Officer v2 ${i}`)).status).toBe(200);
    // One snapshot per machine version; the newest, under v2, is where the next fold starts.
    expect((await snapshotsOf(caseId)).map((s) => s.machine_version)).toEqual([1, 2]);
    expect(await verify(caseId)).toMatchObject({ intact: true });

    // A snapshot as a build with another v2 definition would have left it: a fresh instance must not trust it.
    await api.db.pool.query(
      `UPDATE case_snapshots SET fold_key = 'another build', state = jsonb_set(state, '{context,officer,name}', '"Mallory"')
       WHERE tenant = 'linkoping' AND stream_id = $1`,
      [`case-${caseId}`],
    );
    const other = await otherInstance();
    try {
      const next = await reassign(caseId, 'Fresh Officer', other);
      expect(next.status).toBe(200);
      const { rows } = await api.db.pool.query(`SELECT metadata FROM events WHERE tenant = 'linkoping' AND stream_id = $1 ORDER BY revision DESC LIMIT 1`, [
        `case-${caseId}`,
      ]);
      expect(rows[0].metadata).toMatchObject({ machineVersion: 2 });
      // It folded the events instead, and left a snapshot of its own build in place of the foreign one.
      const { rows: snapshots } = await api.db.pool.query(
        `SELECT fold_key, state->'context'->'officer'->>'name' AS officer FROM case_snapshots WHERE tenant = 'linkoping' AND stream_id = $1 AND machine_version = 2`,
        [`case-${caseId}`],
      );
      expect(snapshots).toEqual([{ fold_key: expect.not.stringMatching('another build'), officer: `Officer v2 ${Number(SNAPSHOT_EVERY) - 1}` }]);
      expect(next.body.state.paths).toEqual(
        (
          await api
            .http()
            .get(`/cases/${caseId}`)
            .set(await officer())
        ).body.state.paths,
      );
    } finally {
      await other.close();
    }
    expect(await verify(caseId)).toMatchObject({ intact: true });
  });
});
