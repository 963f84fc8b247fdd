import { randomUUID } from 'node:crypto';
import type { QueryResult } from 'pg';
import { caseStream } from '../../src/cases/shared/case-stream';
import { DEMO_MUNICIPALITIES, onboardingChanges } from '../../src/demo/demo-reference-data';
import { linkoping, osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import type { EventMetadata, JsonObject } from '../../src/event-store/event-store.port';
import { chainHash, GENESIS_HASH } from '../../src/event-store/hash-chain';
import { CASE_MACHINE_VERSION } from '../../src/lifecycle';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';
import { databaseTargets } from '../support/test-database';

/** Six events: ApplicationSubmitted, CaseRegistered, OfficerAssigned, ProposalDrafted, ProposalSigned, MeetingScheduled. */
const STEPS = ['submit', 'register', 'assignOfficer', 'draft', 'signProposal', 'schedule'];
const LAST = STEPS.length - 1;

/** Each test sets up only the municipality it uses; on a fresh stream each onboarding change records one event. */
const only = (tenant: string) => DEMO_MUNICIPALITIES.filter((m) => m.tenant === tenant);
const referenceEvents = (tenant: string) => onboardingChanges(only(tenant)[0]).length;

type Sql = (text: string, values?: unknown[]) => Promise<QueryResult>;

/** What a careful forger does after changing events: recomputes every hash and the head. */
async function rechain(sql: Sql, where: [string, string]): Promise<void> {
  const { rows } = await sql(
    'SELECT revision, event_id, type, data, metadata FROM events WHERE tenant = $1 AND stream_id = $2 ORDER BY events.revision',
    where,
  );
  let previous = GENESIS_HASH;
  for (const row of rows as { revision: string; event_id: string; type: string; data: JsonObject; metadata: EventMetadata }[]) {
    const fields = {
      stream: { tenant: where[0], id: where[1] },
      revision: BigInt(row.revision),
      id: row.event_id,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
    };
    previous = chainHash(previous, fields);
    await sql('UPDATE events SET hash = $3 WHERE tenant = $1 AND stream_id = $2 AND revision = $4', [...where, previous, row.revision]);
  }
  await sql('UPDATE streams SET revision = $3, head_hash = $4 WHERE tenant = $1 AND stream_id = $2', [...where, rows.length - 1, previous]);
}

/** Makes room at `revision` by moving it and everything after it one up (two steps: the key is checked row by row). */
async function shiftFrom(sql: Sql, where: [string, string], revision: number): Promise<void> {
  await sql('UPDATE events SET revision = revision + 1000 WHERE tenant = $1 AND stream_id = $2 AND revision >= $3', [...where, revision]);
  await sql('UPDATE events SET revision = revision - 999 WHERE tenant = $1 AND stream_id = $2 AND revision >= 1000', where);
}

async function insertCopyOf(sql: Sql, where: [string, string], from: number, at: number, data: (old: JsonObject) => JsonObject, type?: string): Promise<void> {
  const { rows } = await sql('SELECT type, data, metadata FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = $3', [...where, from]);
  await sql('INSERT INTO events (tenant, stream_id, revision, event_id, type, data, metadata, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    ...where,
    at,
    randomUUID(),
    type ?? rows[0].type,
    data(rows[0].data),
    rows[0].metadata,
    Buffer.alloc(32),
  ]);
}

/**
 * Someone with direct database access changes the record, by SQL, one tampering per case; the
 * replay verifier and the global anchor must catch each and say where (stream, revision, what).
 */
describe.each(databaseTargets())('tamper evidence on $name', (target) => {
  let api: TestApi;
  let kept: string;
  beforeAll(async () => (api = await TestApi.start({}, undefined, target, only('linkoping'))));
  afterAll(() => api?.stop());

  const sql = (text: string, values: unknown[] = []) => api.db.pool.query(text, values);
  const admin = () => bearer({ roles: ['admin'], tenant: 'linkoping' });
  const verifyCase = async (caseId: string) =>
    (
      await api
        .http()
        .get(`/audit/cases/${caseId}/verify`)
        .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }))
    ).body;
  const verifyAll = async (anchor?: string) =>
    (
      await api
        .http()
        .post('/audit/verify')
        .set(await admin())
        .send(anchor ? { anchor } : {})
    ).body;
  const anchorNow = async () =>
    (
      await api
        .http()
        .post('/audit/anchors')
        .set(await admin())
    ).body.anchor;

  /** A case of its own for each tampering, anchored as it stands (an auditor keeps the latest hash). */
  async function freshCase(): Promise<{ caseId: string; stream: { tenant: string; id: string }; where: [string, string] }> {
    const { caseId } = await walk(api, 'linkoping', linkoping, STEPS);
    kept = (await anchorNow()).hash;
    const stream = caseStream('linkoping', caseId);
    return { caseId, stream, where: [stream.tenant, stream.id] };
  }

  it('verifies an untouched database clean, against the anchor kept outside', async () => {
    await freshCase();
    expect(await verifyAll(kept)).toEqual({
      intact: true,
      cases: 1,
      events: STEPS.length + 1 + referenceEvents('linkoping'),
      broken: [],
      kinds: [
        { kind: 'case', streams: 1, events: STEPS.length, broken: [] },
        { kind: 'diarium', streams: 1, events: 1, broken: [] },
        { kind: 'reference-data', streams: 1, events: referenceEvents('linkoping'), broken: [] },
      ],
      anchors: expect.objectContaining({ intact: true, problems: [] }),
    });
  });

  it('catches a changed payload', async () => {
    const { caseId, where } = await freshCase();
    await sql(`UPDATE events SET data = jsonb_set(data, '{officer,name}', '"Mallory"') WHERE tenant = $1 AND stream_id = $2 AND revision = 2`, where);
    expect(await verifyCase(caseId)).toMatchObject({
      caseId,
      intact: false,
      problem: { revision: '2', what: 'stored hash does not match the event or its predecessor' },
    });
  });

  it('catches a changed event type', async () => {
    const { caseId, where } = await freshCase();
    await sql(`UPDATE events SET type = 'CaseWithdrawn' WHERE tenant = $1 AND stream_id = $2 AND revision = 3`, where);
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '3', what: expect.stringContaining('hash') } });
  });

  it('catches changed metadata', async () => {
    const { caseId, where } = await freshCase();
    await sql(
      `UPDATE events SET metadata = jsonb_set(metadata, '{correlationId}', to_jsonb(gen_random_uuid()::text)) WHERE tenant = $1 AND stream_id = $2 AND revision = 1`,
      where,
    );
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '1', what: expect.stringContaining('hash') } });
  });

  it('catches a changed actor', async () => {
    const { caseId, where } = await freshCase();
    await sql(
      `UPDATE events SET metadata = metadata || '{"actorId": "mallory", "actorName": "Mallory"}' WHERE tenant = $1 AND stream_id = $2 AND revision = 4`,
      where,
    );
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '4', what: expect.stringContaining('hash') } });
  });

  it('catches a changed timestamp', async () => {
    const { caseId, where } = await freshCase();
    await sql(
      `UPDATE events SET metadata = jsonb_set(metadata, '{recordedAt}', '"2022-09-01T08:00:00.000Z"') WHERE tenant = $1 AND stream_id = $2 AND revision = 5`,
      where,
    );
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '5', what: expect.stringContaining('hash') } });
  });

  it('catches an event deleted from the middle of a stream', async () => {
    const { caseId, where } = await freshCase();
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 2', where);
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '2', what: 'revision 2 is missing (found 3)' } });
  });

  it('catches the last event deleted, by the recorded head', async () => {
    const { caseId, where } = await freshCase();
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = $3', [...where, LAST]);
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      problem: { revision: String(LAST), what: `head records revision ${LAST}, stream ends at ${LAST - 1}` },
    });
  });

  it('catches the last event deleted and the head moved back, by the anchor', async () => {
    const { caseId, where } = await freshCase();
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = $3', [...where, LAST]);
    await rechain(sql, where);
    expect(await verifyCase(caseId)).toMatchObject({ intact: true, events: LAST });
    expect((await verifyAll(kept)).anchors.problems).toContainEqual({
      tenant: 'linkoping',
      what: `linkoping/${where[1]}: anchored revision ${LAST} is gone (stream deleted or cut back)`,
    });
  });

  it('catches two events swapped', async () => {
    const { caseId, where } = await freshCase();
    await sql('UPDATE events SET revision = -1 WHERE tenant = $1 AND stream_id = $2 AND revision = 3', where);
    await sql('UPDATE events SET revision = 3 WHERE tenant = $1 AND stream_id = $2 AND revision = 4', where);
    await sql('UPDATE events SET revision = 4 WHERE tenant = $1 AND stream_id = $2 AND revision = -1', where);
    expect(await verifyCase(caseId)).toMatchObject({ intact: false, problem: { revision: '3', what: expect.stringContaining('hash') } });
  });

  it('catches two events swapped with the chain recomputed, by the machine', async () => {
    const { caseId, where } = await freshCase();
    await sql('UPDATE events SET revision = -1 WHERE tenant = $1 AND stream_id = $2 AND revision = 3', where);
    await sql('UPDATE events SET revision = 3 WHERE tenant = $1 AND stream_id = $2 AND revision = 4', where);
    await sql('UPDATE events SET revision = 4 WHERE tenant = $1 AND stream_id = $2 AND revision = -1', where);
    await rechain(sql, where);
    // ProposalSigned before ProposalDrafted: no such transition under the recorded machine.
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      problem: { revision: '3', what: expect.stringMatching(new RegExp(`^not a legal transition under iopCase v${CASE_MACHINE_VERSION}: ProposalSigned`)) },
    });
  });

  it('catches a forged event inserted with the chain recomputed but the head left, by the head', async () => {
    const { caseId, where } = await freshCase();
    await shiftFrom(sql, where, 3);
    await insertCopyOf(sql, where, 2, 3, (data) => ({ ...data, officer: { ...(data.officer as JsonObject), name: 'Mallory' } }));
    const head = (await sql('SELECT revision, head_hash FROM streams WHERE tenant = $1 AND stream_id = $2', where)).rows[0];
    await rechain(sql, where);
    await sql('UPDATE streams SET revision = $3, head_hash = $4 WHERE tenant = $1 AND stream_id = $2', [...where, head.revision, head.head_hash]);
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      problem: { revision: String(LAST + 1), what: `head records revision ${LAST}, stream ends at ${LAST + 1}` },
    });
  });

  it('catches a forged legal event inserted with chain and head recomputed, by the document it changes and by the anchor', async () => {
    const { caseId, where } = await freshCase();
    // A second OfficerAssigned (reassigning is legal until the case closes): the stream alone is a legal
    // history, but the tjänsteutlåtande the director signed (now at revision 5) named the officer of its day.
    await shiftFrom(sql, where, 3);
    await insertCopyOf(sql, where, 2, 3, (data) => ({ ...data, officer: { ...(data.officer as JsonObject), name: 'Mallory Forsberg' } }));
    await rechain(sql, where);
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      events: STEPS.length + 1,
      problem: { revision: '5', what: expect.stringContaining('the tjänsteutlåtande (tjansteutlatande v1) that ProposalSigned issued at revision 5 differs') },
      documents: [{ kind: 'tjansteutlatande', revision: '5', event: 'ProposalSigned' }],
    });
    expect((await verifyAll(kept)).anchors.problems).toContainEqual({
      tenant: 'linkoping',
      what: `linkoping/${where[1]}: revision ${LAST} was rewritten after it was anchored`,
    });
  });

  it('catches a forged illegal event inserted with chain and head recomputed, by the machine', async () => {
    const { caseId, where } = await freshCase();
    await shiftFrom(sql, where, 2);
    await insertCopyOf(sql, where, 1, 2, () => ({ terminatedOn: '2022-09-03', refund: 0, at: '2022-09-03T12:00:00.000Z' }), 'AgreementTerminated');
    await rechain(sql, where);
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      problem: {
        revision: '2',
        what: expect.stringMatching(new RegExp(`^not a legal transition under iopCase v${CASE_MACHINE_VERSION}: AgreementTerminated`)),
      },
    });
  });

  it('catches a whole stream deleted, head and all, by the anchor', async () => {
    const { caseId, where } = await freshCase();
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2', where);
    await sql('DELETE FROM streams WHERE tenant = $1 AND stream_id = $2', where);
    expect(
      (
        await api
          .http()
          .get(`/audit/cases/${caseId}/verify`)
          .set(await admin())
      ).body,
    ).toMatchObject({ code: 'CASE_NOT_FOUND' });
    const verdict = await verifyAll(kept);
    expect(verdict.intact).toBe(false);
    expect(verdict.anchors.problems).toContainEqual({
      tenant: 'linkoping',
      what: `linkoping/${where[1]}: anchored revision ${LAST} is gone (stream deleted or cut back)`,
    });
  });

  it("catches a stream's events deleted but its head kept, by the head", async () => {
    const { caseId, where } = await freshCase();
    await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2', where);
    expect(await verifyCase(caseId)).toMatchObject({
      intact: false,
      events: 0,
      problem: { revision: '0', what: `head records revision ${LAST}, stream ends at -1` },
    });
  });

  it("catches a stream's head deleted (hiding it from the walk over all streams), by the anchor", async () => {
    const { where } = await freshCase();
    await sql('DELETE FROM streams WHERE tenant = $1 AND stream_id = $2', where);
    expect((await verifyAll(kept)).anchors.problems).toContainEqual({
      tenant: 'linkoping',
      what: expect.stringMatching(new RegExp(`^linkoping/${where[1]}: its head is gone`)),
    });
  });

  it('catches an anchor removed from the middle of the anchor chain', async () => {
    await freshCase();
    await sql('DELETE FROM anchor_heads WHERE sequence = 2');
    await sql('DELETE FROM anchors WHERE sequence = 2');
    expect((await verifyAll(kept)).anchors.problems).toContainEqual({ what: 'anchor 3 does not match its heads or its predecessor' });
  });

  it('catches an anchor rewritten to bless a changed head', async () => {
    const { where } = await freshCase();
    await sql(`UPDATE anchor_heads SET head_hash = '\\x00' WHERE tenant = $1 AND stream_id = $2`, where);
    const problems = (await verifyAll(kept)).anchors.problems;
    expect(problems).toContainEqual({ what: expect.stringMatching(/^anchor \d+ does not match its heads or its predecessor$/) });
  });

  it('names every broken case in a verification of everything', async () => {
    const verdict = await verifyAll(kept);
    expect(verdict.intact).toBe(false);
    expect(verdict.broken.map((b: { problem: { revision: string } }) => b.problem.revision).sort()).toEqual(
      ['0', '1', '2', '2', '2', '3', '3', '3', '4', '5', '5', String(LAST), String(LAST + 1)].sort(),
    );
  });
});

describe.each(databaseTargets())('a database restored from an older copy, on $name', (target) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({}, undefined, target, only('linkoping'))));
  afterAll(() => api?.stop());

  const sql = (text: string) => api.db.pool.query(text);
  const admin = () => bearer({ roles: ['admin'], tenant: 'linkoping' });
  const verifyAll = async (anchor: string) =>
    (
      await api
        .http()
        .post('/audit/verify')
        .set(await admin())
        .send({ anchor })
    ).body;
  const anchorNow = async () =>
    (
      await api
        .http()
        .post('/audit/anchors')
        .set(await admin())
    ).body.anchor;

  it('is caught by the anchor the auditor kept, though every stream and anchor in it is consistent', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, STEPS);
    const tables = ['streams', 'events', 'anchors', 'anchor_heads'];
    expect(await verifyAll((await anchorNow()).hash)).toMatchObject({ intact: true });
    for (const table of tables) await sql(`CREATE TABLE copy_of_${table} AS SELECT * FROM ${table}`);
    // Life goes on: the case moves, an anchor is taken, and the auditor keeps its hash.
    await walk(api, 'linkoping', linkoping, ['approve', 'justering'], caseId);
    const latest = (await anchorNow()).hash;
    // And the case's diarium number, and the reference data.
    expect(await verifyAll(latest)).toMatchObject({ intact: true, events: STEPS.length + 2 + 1 + referenceEvents('linkoping') });
    // Yesterday's copy comes back.
    for (const table of [...tables].reverse()) await sql(`DELETE FROM ${table}`);
    for (const table of tables) await sql(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM copy_of_${table}`);
    const verdict = await verifyAll(latest);
    expect(verdict).toMatchObject({ intact: false, cases: 1, events: STEPS.length + 1 + referenceEvents('linkoping'), broken: [] });
    expect(verdict.anchors.problems).toEqual([
      { what: `the anchor ${latest} kept outside is not in this database: it was rewound to an older copy, or anchors were removed` },
    ]);
  });
});

/**
 * The streams that are not cases — the diarium series, the erasure record and the reference data —
 * tampered with the same ways, with no anchor taken after: verification finds and locates each by
 * its own reading.
 */
describe.each(databaseTargets())('tamper evidence beyond cases on $name', (target) => {
  const TENANT = 'osteraker';
  const DIARIUM: [string, string] = [TENANT, 'diarium-KS-2023'];
  const ERASURES: [string, string] = [TENANT, 'data-subject-erasures'];
  const REFERENCE_DATA: [string, string] = [TENANT, 'reference-data'];
  /** The demo's reference data, then an index series and a value of it with one revision. */
  const REFERENCE_EVENTS = referenceEvents(TENANT) + 3;
  let api: TestApi;
  const caseIds: string[] = [];

  const sql = (text: string, values: unknown[] = []) => api.db.pool.query(text, values);
  const admin = () => bearer({ roles: ['admin'], tenant: TENANT });
  const verify = async () =>
    (
      await api
        .http()
        .post('/audit/verify')
        .set(await bearer({ roles: ['auditor'], tenant: TENANT }))
        .send({})
    ).body;
  /** The broken streams of one kind, as `POST /audit/verify` names them. */
  const brokenOf = async (kind: string) => {
    const answer = await verify();
    expect(answer.intact).toBe(false);
    return answer.kinds.find((k: { kind: string }) => k.kind === kind).broken;
  };

  /** Three applications with a contact person each, registered in KS's series of 2023; then the three persons erased. */
  beforeAll(async () => {
    api = await TestApi.start({}, undefined, target, only(TENANT));
    await api
      .http()
      .put('/reference-data/index-series/KPI')
      .set(await admin())
      .send({ name: 'Konsumentprisindex' });
    for (const value of [
      { year: 2024, percent: '2.9', status: 'forecast', publishedOn: '2023-12-14' },
      { year: 2024, percent: '2.80', status: 'final', publishedOn: '2024-12-12' },
    ]) {
      api.on(value.publishedOn); // a value is recorded once it is published
      const published = await api
        .http()
        .post('/reference-data/index-series/KPI/values')
        .set(await admin())
        .send(value);
      expect(published.status).toBe(200);
    }
    const seed = osterakerBrottsofferjouren;
    const organisation = await bearer({ roles: ['organisation'], tenant: TENANT, org: applicantOf(seed.submit) });
    for (const n of [1, 2, 3]) {
      const submit = seedRequest(seed.submit);
      api.on(submit.date);
      const contactPerson = { name: `Kontakt ${n}`, email: `kontakt${n}@example.se`, phone: '070-000 00 0' + n };
      const submitted = await api
        .http()
        .post('/cases')
        .set(organisation)
        .send({ ...submit.body, contactPerson });
      caseIds.push(submitted.body.id);
      await walk(api, TENANT, seed, ['register'], submitted.body.id);
    }
    for (const n of [1, 2, 3])
      expect(
        (
          await api
            .http()
            .post('/data-subjects/erasures')
            .set(await admin())
            .send({ email: `kontakt${n}@example.se` })
        ).status,
      ).toBe(201);
  });
  afterAll(() => api?.stop());

  /** Tampers, then puts the stream (events and head) back as it was, so that each test starts clean. */
  async function tampered(where: [string, string], work: () => Promise<void>): Promise<void> {
    const copy = `saved_${randomUUID().replaceAll('-', '')}`;
    await sql(`CREATE TABLE ${copy}_events AS SELECT * FROM events WHERE tenant = $1 AND stream_id = $2`, where);
    await sql(`CREATE TABLE ${copy}_head AS SELECT * FROM streams WHERE tenant = $1 AND stream_id = $2`, where);
    try {
      await work();
    } finally {
      await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2', where);
      await sql('DELETE FROM streams WHERE tenant = $1 AND stream_id = $2', where);
      await sql(`INSERT INTO events OVERRIDING SYSTEM VALUE SELECT * FROM ${copy}_events`);
      await sql(`INSERT INTO streams SELECT * FROM ${copy}_head`);
      await sql(`DROP TABLE ${copy}_events, ${copy}_head`);
    }
  }

  it('verifies the untouched record clean, with the count of every kind of stream', async () => {
    const answer = await verify();
    expect(answer).toMatchObject({ intact: true, cases: 3, events: 3 * 2 + 3 + 3 + REFERENCE_EVENTS, broken: [] });
    expect(answer.kinds).toEqual([
      { kind: 'case', streams: 3, events: 6, broken: [] },
      { kind: 'diarium', streams: 1, events: 3, broken: [] },
      { kind: 'erasure', streams: 1, events: 3, broken: [] },
      { kind: 'reference-data', streams: 1, events: REFERENCE_EVENTS, broken: [] },
    ]);
  });

  describe('the reference data', () => {
    const LAST_EVENT = REFERENCE_EVENTS - 1;
    const located = (revision: number, what: string) => [
      { tenant: TENANT, stream: 'reference-data', kind: 'reference-data', events: expect.any(Number), problem: { revision: String(revision), what } },
    ];

    it('a changed payload (a body renamed)', () =>
      tampered(REFERENCE_DATA, async () => {
        await sql(
          `UPDATE events SET data = jsonb_set(data, '{name}', '"Mallorynämnden"') WHERE tenant = $1 AND stream_id = $2 AND revision = 1`,
          REFERENCE_DATA,
        );
        expect(await brokenOf('reference-data')).toEqual(located(1, 'stored hash does not match the event or its predecessor'));
      }));

    it('a deleted event', () =>
      tampered(REFERENCE_DATA, async () => {
        await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 1', REFERENCE_DATA);
        expect(await brokenOf('reference-data')).toEqual(located(1, 'revision 1 is missing (found 2)'));
      }));

    it('a deleted revision of an index value (the last event)', () =>
      tampered(REFERENCE_DATA, async () => {
        await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = $3', [...REFERENCE_DATA, LAST_EVENT]);
        expect(await brokenOf('reference-data')).toEqual(located(LAST_EVENT, `head records revision ${LAST_EVENT}, stream ends at ${LAST_EVENT - 1}`));
      }));

    it('a forged revision of an index value with the chain and the head recomputed', () =>
      tampered(REFERENCE_DATA, async () => {
        await insertCopyOf(sql, REFERENCE_DATA, LAST_EVENT, LAST_EVENT + 1, (data) => ({ ...data, basisPoints: 150 }));
        await rechain(sql, REFERENCE_DATA);
        expect(await brokenOf('reference-data')).toEqual(located(LAST_EVENT + 1, 'KPI/2024 is published as version 2, not 3'));
      }));

    it('a change not made by an administrator, with the chain and the head recomputed', () =>
      tampered(REFERENCE_DATA, async () => {
        await sql(
          `UPDATE events SET metadata = jsonb_set(metadata, '{actorRole}', '"handlaggare"') WHERE tenant = $1 AND stream_id = $2 AND revision = 0`,
          REFERENCE_DATA,
        );
        await rechain(sql, REFERENCE_DATA);
        expect(await brokenOf('reference-data')).toEqual(located(0, 'MunicipalitySet was recorded by handlaggare, not an administrator'));
      }));
  });

  describe.each([
    ['diarium series', 'diarium', DIARIUM, `jsonb_set(data, '{registeredOn}', '"2023-01-01"')`],
    ['erasure record', 'erasure', ERASURES, `jsonb_set(data, '{erasedAt}', '"2023-01-01T00:00:00.000Z"')`],
  ] as const)('the %s', (_, kind, where, changed) => {
    const [tenant, stream] = where;
    const located = (revision: string, what: string | RegExp) => [
      {
        tenant,
        stream,
        kind,
        events: expect.any(Number),
        problem: expect.objectContaining({ revision, what: typeof what === 'string' ? what : expect.stringMatching(what) }),
      },
    ];

    it('a changed payload', () =>
      tampered(where, async () => {
        await sql(`UPDATE events SET data = ${changed} WHERE tenant = $1 AND stream_id = $2 AND revision = 1`, where);
        expect(await brokenOf(kind)).toEqual(located('1', 'stored hash does not match the event or its predecessor'));
      }));

    it('a deleted middle event', () =>
      tampered(where, async () => {
        await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 1', where);
        expect(await brokenOf(kind)).toEqual(located('1', 'revision 1 is missing (found 2)'));
      }));

    it('a deleted last event', () =>
      tampered(where, async () => {
        await sql('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 2', where);
        expect(await brokenOf(kind)).toEqual(located('2', 'head records revision 2, stream ends at 1'));
      }));

    it('a forged event with the chain and the head recomputed', () =>
      tampered(where, async () => {
        // A fourth entry copied from the third, as a forger would make it look like the others.
        await insertCopyOf(sql, where, 2, 3, (data) =>
          kind === 'diarium' ? { ...data, number: 4, diarienummer: 'KS 2023/00004', caseId: randomUUID() } : data,
        );
        await rechain(sql, where);
        const what =
          kind === 'diarium'
            ? /^KS 2023\/00004 is given to case [0-9a-f-]+, which does not exist$/
            : /^data subject [0-9a-f-]+ is erased a second time \(first at revision 2\)$/;
        expect(await brokenOf(kind)).toEqual(located('3', what));
      }));
  });

  it('a diarienummer changed so that it collides with another case’s names both cases', () =>
    tampered(DIARIUM, async () => {
      await sql(
        `UPDATE events SET data = data || '{"number": 2, "diarienummer": "KS 2023/00002"}' WHERE tenant = $1 AND stream_id = $2 AND revision = 0`,
        DIARIUM,
      );
      await rechain(sql, DIARIUM);
      const [broken] = await brokenOf('diarium');
      expect(broken.problem).toEqual({
        revision: '0',
        what: `KS 2023/00002 is given to more than one case: case ${caseIds[0]} at revision 0 and case ${caseIds[1]} at revision 1`,
        cases: [caseIds[0], caseIds[1]],
      });
    }));

  it('a case rewritten to name another case’s diarienummer is found by its series, naming both cases', async () => {
    const where: [string, string] = [TENANT, `case-${caseIds[0]}`];
    await tampered(where, async () => {
      await sql(
        `UPDATE events SET data = jsonb_set(data, '{diarienummer}', '"KS 2023/00002"') WHERE tenant = $1 AND stream_id = $2 AND type = 'CaseRegistered'`,
        where,
      );
      await rechain(sql, where);
      const answer = await verify();
      // The case alone reads as a legal history, but its kvittens went out with the number it was given.
      expect(answer.kinds.find((k: { kind: string }) => k.kind === 'case').broken).toEqual([
        expect.objectContaining({
          problem: { revision: '1', what: expect.stringContaining('the kvittens (kvittens v1) that CaseRegistered issued at revision 1 differs') },
        }),
      ]);
      expect(answer.kinds.find((k: { kind: string }) => k.kind === 'diarium').broken).toEqual([
        expect.objectContaining({
          stream: DIARIUM[1],
          problem: {
            revision: '0',
            what: `KS 2023/00001 is given to case ${caseIds[0]}, but the case names KS 2023/00002, which is given to case ${caseIds[1]}`,
            cases: [caseIds[0], caseIds[1]],
          },
        }),
      ]);
    });
  });
});
