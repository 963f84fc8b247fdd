import { randomUUID } from 'node:crypto';
import { caseStream } from '../../src/cases/shared/case-stream';
import { DEMO_MUNICIPALITIES, onboardingChanges } from '../../src/demo/demo-reference-data';
import { linkoping, osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { EventStore } from '../../src/event-store/event-store.port';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION } from '../../src/lifecycle';
import { bearer, TestApi } from '../support/api';
import { context } from '../support/events';
import { walk } from '../support/seed-walk';

const osteraker = DEMO_MUNICIPALITIES.find((m) => m.tenant === 'osteraker')!;
/** On a fresh stream, each onboarding change records one event. */
const OSTERAKER_REFERENCE_EVENTS = onboardingChanges(osteraker).length;

describe('replay verification', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const auditor = (tenant: string) => bearer({ roles: ['auditor'], tenant });
  const verify = async (tenant: string, caseId: string) =>
    (
      await api
        .http()
        .get(`/audit/cases/${caseId}/verify`)
        .set(await auditor(tenant))
    ).body;
  const sql = (text: string, values: unknown[]) => api.db.pool.query(text, values);

  it('finds an untouched case intact, counting its events', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer', 'draft']);
    expect(await verify('linkoping', caseId)).toEqual({ tenant: 'linkoping', caseId, intact: true, events: 4 });
  });

  it('names the first changed event, and a removed last event', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer', 'draft']);
    const stream = caseStream('linkoping', caseId);
    await sql(`UPDATE events SET data = jsonb_set(data, '{officer,name}', '"Mallory"') WHERE tenant = $1 AND stream_id = $2 AND revision = 2`, [
      stream.tenant,
      stream.id,
    ]);
    expect(await verify('linkoping', caseId)).toMatchObject({ intact: false, problem: { revision: '2', what: expect.stringMatching(/hash/) } });

    const other = (await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer'])).caseId;
    const otherStream = caseStream('linkoping', other);
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 2', [otherStream.tenant, otherStream.id]);
    expect(await verify('linkoping', other)).toMatchObject({ intact: false, problem: { revision: '2', what: expect.stringMatching(/head/) } });
  });

  it('finds a forged event whose hash chains correctly but whose transition was never legal', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
    // Written past the lifecycle, straight into the store: the chain is right, the transition is not.
    await api.app
      .get(EventStore)
      .append(
        caseStream('linkoping', caseId),
        [{ id: randomUUID(), type: 'AgreementTerminated', data: { terminatedOn: '2022-09-03', refund: 0, at: '2022-09-03T12:00:00Z' } }],
        {
          expectedRevision: 1n,
          context: { ...context, machineId: CASE_MACHINE_ID, machineVersion: CASE_MACHINE_VERSION },
        },
      );
    expect(await verify('linkoping', caseId)).toMatchObject({
      intact: false,
      problem: { revision: '2', what: expect.stringContaining(`not a legal transition under ${CASE_MACHINE_ID} v${CASE_MACHINE_VERSION}`) },
    });
  });

  it("verifies all of a tenant's cases for an auditor, every tenant's for an admin, and refuses anyone else", async () => {
    const { caseId } = await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit', 'register']);
    const tenant = (
      await api
        .http()
        .post('/audit/verify')
        .set(await auditor('osteraker'))
    ).body;
    expect(tenant).toEqual({
      intact: true,
      cases: 1,
      events: 3 + OSTERAKER_REFERENCE_EVENTS,
      broken: [],
      kinds: [
        { kind: 'case', streams: 1, events: 2, broken: [] },
        { kind: 'diarium', streams: 1, events: 1, broken: [] },
        { kind: 'reference-data', streams: 1, events: OSTERAKER_REFERENCE_EVENTS, broken: [] },
      ],
      // The first anchor, taken when the service started on an empty store.
      anchors: { intact: true, anchors: 1, latest: expect.objectContaining({ sequence: '1', streams: 0 }), problems: [] },
    });

    const everything = (
      await api
        .http()
        .post('/audit/verify')
        .set(await bearer({ roles: ['admin'], tenant: 'osteraker' }))
    ).body;
    expect(everything).toMatchObject({ intact: false, cases: 5 });
    expect(everything.broken.map((b: { tenant: string; problem: { revision: string } }) => [b.tenant, b.problem.revision])).toEqual(
      expect.arrayContaining([
        ['linkoping', '2'],
        ['linkoping', '2'],
        ['linkoping', '2'],
      ]),
    );
    expect(everything.broken).toHaveLength(3);

    const refused = await api
      .http()
      .get(`/audit/cases/${caseId}/verify`)
      .set(await bearer({ roles: ['handlaggare'], tenant: 'osteraker' }));
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
  });
});

describe('the global anchor', () => {
  let api: TestApi;
  beforeAll(
    async () =>
      (api = await TestApi.start(
        undefined,
        undefined,
        undefined,
        DEMO_MUNICIPALITIES.filter((m) => m.tenant !== 'robertsfors'),
      )),
  );
  afterAll(() => api.stop());

  const admin = () => bearer({ roles: ['admin'], tenant: 'linkoping' });
  const verifyAll = async (body: object = {}) =>
    (
      await api
        .http()
        .post('/audit/verify')
        .set(await admin())
        .send(body)
    ).body;

  it('anchors changed heads only, and shows the deletion of a whole stream', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
    const kept = (await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit'])).caseId;
    const first = (
      await api
        .http()
        .post('/audit/anchors')
        .set(await admin())
    ).body.anchor;
    // Two cases and the KS diarium series of 2022, and the two municipalities' reference data, after the start's empty anchor.
    expect(first).toMatchObject({ sequence: '2', streams: 3 + 2 });
    expect(
      (
        await api
          .http()
          .post('/audit/anchors')
          .set(await admin())
      ).body,
    ).toEqual({ anchor: null });
    expect(
      (
        await api
          .http()
          .get('/audit/anchors')
          .set(await auditorOf('linkoping'))
      ).body,
    ).toMatchObject({ intact: true, anchors: 2, latest: { hash: first.hash } });
    expect(await verifyAll({ anchor: first.hash })).toMatchObject({ intact: true, anchors: { intact: true, problems: [] } });

    // Someone with database access removes a whole case, head and all: its chain alone cannot tell.
    const stream = caseStream('linkoping', caseId);
    await api.db.pool.query('DELETE FROM events WHERE tenant = $1 AND stream_id = $2', [stream.tenant, stream.id]);
    await api.db.pool.query('DELETE FROM streams WHERE tenant = $1 AND stream_id = $2', [stream.tenant, stream.id]);
    const after = await verifyAll();
    expect(after.intact).toBe(false);
    expect(after.anchors.problems).toEqual([{ tenant: 'linkoping', what: expect.stringContaining(`${stream.id}: anchored revision 1 is gone`) }]);

    // The Österåker auditor is told about the anchor chain and Österåker's streams, not Linköping's.
    const osteraker = (
      await api
        .http()
        .post('/audit/verify')
        .set(await auditorOf('osteraker'))
        .send({})
    ).body;
    expect(osteraker.anchors).toMatchObject({ intact: true, problems: [] });
    expect(osteraker.cases).toBe(1);
    expect(kept).toBeDefined();
  });

  it('shows a database rewound to before the anchor the auditor kept', async () => {
    await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit']);
    const latest = (
      await api
        .http()
        .post('/audit/anchors')
        .set(await admin())
    ).body.anchor;
    // Restoring yesterday's copy loses today's anchor along with today's events.
    await api.db.pool.query('DELETE FROM anchor_heads WHERE sequence = $1', [latest.sequence]);
    await api.db.pool.query('DELETE FROM anchors WHERE sequence = $1', [latest.sequence]);
    const verdict = await verifyAll({ anchor: latest.hash });
    expect(verdict.anchors.problems).toContainEqual({ what: expect.stringContaining(`${latest.hash} kept outside is not in this database`) });
  });

  it('verifies a page at a time, the anchor with the first page', async () => {
    const all = await verifyAll();
    const first = await verifyAll({ limit: 2 });
    // A page is two streams of any kind, in (tenant, stream) order.
    expect(first).toMatchObject({ next: expect.stringMatching(/^[^/]+\/./), anchors: expect.objectContaining({ anchors: all.anchors.anchors }) });
    expect(first.kinds.reduce((sum: number, kind: { streams: number }) => sum + kind.streams, 0)).toBe(2);
    const pages = [first];
    while (pages.at(-1).next) pages.push(await verifyAll({ limit: 2, after: pages.at(-1).next }));
    expect(pages.slice(1).every((page) => page.anchors === undefined)).toBe(true);
    expect(pages.reduce((sum, page) => sum + page.cases, 0)).toBe(all.cases);
    expect(pages.reduce((sum, page) => sum + page.events, 0)).toBe(all.events);
    expect(
      (
        await api
          .http()
          .post('/audit/verify')
          .set(await admin())
          .send({ limit: 0 })
      ).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('anchors on demand for admins only', async () => {
    const refused = await api
      .http()
      .post('/audit/anchors')
      .set(await auditorOf('linkoping'));
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
  });

  const auditorOf = (tenant: string) => bearer({ roles: ['auditor'], tenant });
});

describe('a fresh system with the demo data', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({ DEMO_DATA: 'true' }, new Date('2026-12-01T09:00:00.000Z'))));
  afterAll(() => api.stop());

  it('verifies clean, with the counts of every kind of stream, and is anchored from its first minute', async () => {
    const admin = await bearer({ roles: ['admin'], tenant: 'linkoping' });
    const answer = (await api.http().post('/audit/verify').set(admin).send({})).body;
    const { rows } = await api.db.pool.query<{ kind: string; streams: number; events: number }>(
      `SELECT CASE WHEN stream_id LIKE 'case-%' THEN 'case' WHEN stream_id LIKE 'diarium-%' THEN 'diarium' WHEN stream_id = 'reference-data' THEN 'reference-data' ELSE 'other' END AS kind,
              count(DISTINCT (tenant, stream_id))::int AS streams, count(*)::int AS events
       FROM events GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => r.kind)).toEqual(['case', 'diarium', 'reference-data']);
    expect(answer).toMatchObject({ intact: true, cases: 4, broken: [], anchors: { intact: true, problems: [] } });
    expect(answer.kinds).toEqual(rows.map(({ kind, streams, events }) => ({ kind, streams, events, broken: [] })));
    // The anchor taken at start covers every stream the demo wrote: nothing waits an hour for its first anchor.
    const total = rows.reduce((sum, r) => sum + r.streams, 0);
    expect(answer.anchors.latest).toMatchObject({ streams: total });
  });
});
