import { randomUUID } from 'node:crypto';
import { CheckpointStore } from '../../src/event-store/checkpoint-store.port';
import { EventIdConflictError, WrongExpectedVersionError } from '../../src/event-store/event-store.errors';
import { comparePositions, type EventStore, type RecordedEvent } from '../../src/event-store/event-store.port';
import { verifyChain } from '../../src/event-store/hash-chain';
import { SubscriptionRunner } from '../../src/projections/subscription-runner';
import type { FixedClock } from '../../src/shared/clock';
import { context, event, events, newTenant, streamIn, waitFor } from '../support/events';
import { holdTransaction } from '../support/held-transaction';

export interface ContractFixture {
  /** A store as the service would build it. */
  store: EventStore;
  /** Another, independent store on the same data: a second instance, or the same one after a restart. */
  otherStore(): EventStore;
  checkpoints: CheckpointStore;
  clock: FixedClock;
}

/** What every EventStore adapter must do; each adapter's spec calls this with its own fixture. */
export function eventStoreContract(fixture: () => ContractFixture): void {
  let store: EventStore;
  let tenant: string;
  beforeEach(() => {
    store = fixture().store;
    tenant = newTenant();
  });

  const ofTenant = (list: RecordedEvent[]) => list.filter((e) => e.stream.tenant === tenant);

  async function readAllOfTenant(target = store, maxCount = 1000): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (let page = await target.readAll({ maxCount }); page.length > 0; page = await target.readAll({ fromPosition: page.at(-1)!.position, maxCount })) {
      all.push(...page);
    }
    return ofTenant(all);
  }

  describe('append and read a stream', () => {
    it('records the events with revision, position, hash and full metadata', async () => {
      const stream = streamIn(tenant);
      const first = event('ApplicationSubmitted', { organisation: 'Brottsofferjouren Roslagen', organisationNumber: '802400-1234' });
      const result = await store.append(stream, [first], { expectedRevision: 'no_stream', context });
      expect(result.nextExpectedRevision).toBe(0n);

      const [recorded] = await store.readStream(stream);
      expect(recorded).toMatchObject({ stream, id: first.id, type: 'ApplicationSubmitted', data: first.data, revision: 0n, position: result.position });
      expect(recorded.metadata).toEqual({
        ...context,
        tenant,
        recordedAt: fixture().clock.now().toISOString(),
        schemaVersion: 1,
      });
      expect(recorded.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('appends a batch atomically with consecutive revisions', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(2), { expectedRevision: 'no_stream', context });
      const result = await store.append(stream, events(3), { expectedRevision: 1n, context });
      expect(result.nextExpectedRevision).toBe(4n);
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('reads from a revision, backwards, and at most maxCount', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(5), { expectedRevision: 'no_stream', context });
      const revisions = (list: RecordedEvent[]) => list.map((e) => Number(e.revision));
      expect(revisions(await store.readStream(stream, { fromRevision: 3n }))).toEqual([3, 4]);
      expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
      expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 1n }))).toEqual([1, 0]);
      expect(revisions(await store.readStream(stream, { fromRevision: 1n, maxCount: 2 }))).toEqual([1, 2]);
      expect(await store.readStream(streamIn(tenant))).toEqual([]);
    });

    it('orders revisions numerically past ten', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(12), { expectedRevision: 'no_stream', context });
      const revisions = (list: RecordedEvent[]) => list.map((e) => Number(e.revision));
      expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 3 }))).toEqual([11, 10, 9]);
    });

    it('keeps tenants apart: the same stream id in two tenants is two streams', async () => {
      const other = newTenant();
      await store.append({ tenant, id: 'case-1' }, events(2), { expectedRevision: 'no_stream', context });
      await store.append({ tenant: other, id: 'case-1' }, events(1), { expectedRevision: 'no_stream', context });
      expect(await store.readStream({ tenant, id: 'case-1' })).toHaveLength(2);
      const [theirs] = await store.readStream({ tenant: other, id: 'case-1' });
      expect(theirs.metadata.tenant).toBe(other);
      expect((await store.streamHead({ tenant: other, id: 'case-1' }))?.revision).toBe(0n);
    });
  });

  describe('expected revision', () => {
    it.each([
      ['no_stream on an existing stream', 'no_stream' as const, 1n],
      ['a revision that has moved on', 0n, 1n],
      ['a revision ahead of the stream', 5n, 1n],
    ])('refuses %s with WrongExpectedVersionError and writes nothing', async (_, expectedRevision, actual) => {
      const stream = streamIn(tenant);
      await store.append(stream, events(2), { expectedRevision: 'no_stream', context });
      const error = await store.append(stream, events(1), { expectedRevision, context }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: expectedRevision, actual });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses stream_exists on a missing stream', async () => {
      const stream = streamIn(tenant);
      await expect(store.append(stream, events(1), { expectedRevision: 'stream_exists', context })).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      expect(await store.streamHead(stream)).toBeUndefined();
    });

    it('accepts any, stream_exists and the exact revision', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(1), { expectedRevision: 'any', context });
      await store.append(stream, events(1), { expectedRevision: 'stream_exists', context });
      await store.append(stream, events(1), { expectedRevision: 1n, context });
      expect((await store.streamHead(stream))?.revision).toBe(2n);
    });

    it("is checked against the database, not a cache: a second instance sees the first one's appends", async () => {
      const stream = streamIn(tenant);
      const other = fixture().otherStore();
      await store.append(stream, events(1), { expectedRevision: 'no_stream', context });
      await other.readStream(stream);
      await store.append(stream, events(1), { expectedRevision: 0n, context });
      await expect(other.append(stream, events(1), { expectedRevision: 0n, context })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await other.append(stream, events(1), { expectedRevision: 1n, context });
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    });

    it('lets exactly one of 20 concurrent writers at the same revision win, with no revision gap', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(3), { expectedRevision: 'no_stream', context });
      const writers = Array.from({ length: 20 }, (_, i) => (i % 2 ? fixture().otherStore() : store));
      const outcomes = await Promise.allSettled(writers.map((w) => w.append(stream, events(2), { expectedRevision: 2n, context })));

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejections = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejections).toHaveLength(19);
      for (const { reason } of rejections) expect(reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 2n, actual: 4n });
      expect((await store.readStream(stream)).map((e) => Number(e.revision))).toEqual([0, 1, 2, 3, 4]);
    });
  });

  describe('idempotency', () => {
    it('answers a retried append with the original result and writes nothing', async () => {
      const stream = streamIn(tenant);
      const batch = events(2);
      const original = await store.append(stream, batch, { expectedRevision: 'no_stream', context });
      await store.append(stream, events(1), { expectedRevision: 1n, context });

      for (const expectedRevision of ['no_stream', 'any', 'stream_exists', 7n] as const) {
        expect(await store.append(stream, batch, { expectedRevision, context })).toEqual(original);
        expect(await fixture().otherStore().append(stream, batch, { expectedRevision, context })).toEqual(original);
      }
      expect(await store.readStream(stream)).toHaveLength(3);
      expect(await readAllOfTenant()).toHaveLength(3);
    });

    it('writes 20 parallel retries of one append once', async () => {
      const stream = streamIn(tenant);
      const batch = events(3);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? fixture().otherStore() : store).append(stream, batch, { expectedRevision: 'any', context })),
      );
      expect(new Set(results.map((r) => `${r.nextExpectedRevision}/${r.position.commit}/${r.position.prepare}`)).size).toBe(1);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('refuses a batch that repeats only some of the ids already written', async () => {
      const stream = streamIn(tenant);
      const [a, b] = events(2);
      await store.append(stream, [a], { expectedRevision: 'no_stream', context });
      await expect(store.append(stream, [a, b], { expectedRevision: 'any', context })).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('reading events by id', () => {
    it("finds a stream's events by id, in stream order, and nothing of another stream, another tenant or an unknown id", async () => {
      const stream = streamIn(tenant);
      const written = events(4);
      await store.append(stream, written, { expectedRevision: 'no_stream', context });
      const other = streamIn(tenant);
      await store.append(other, events(1), { expectedRevision: 'no_stream', context });

      const found = await fixture().otherStore().readEventsById(stream, [written[3].id, written[1].id.toUpperCase(), randomUUID(), 'not-a-uuid']);
      expect(found.map((e) => [e.id, e.revision])).toEqual([
        [written[1].id, 1n],
        [written[3].id, 3n],
      ]);
      expect(found).toEqual((await store.readStream(stream)).filter((e) => e.id === written[1].id || e.id === written[3].id));
      expect(await store.readEventsById(other, [written[0].id])).toEqual([]);
      expect(await store.readEventsById({ tenant: newTenant(), id: stream.id }, [written[0].id])).toEqual([]);
    });
  });

  describe('global order', () => {
    it('delivers every event exactly once, in increasing positions, page by page', async () => {
      const streams = [streamIn(tenant), streamIn(tenant), streamIn(tenant)];
      const written: string[] = [];
      for (let round = 0; round < 4; round++) {
        for (const stream of streams) {
          const batch = events(round + 1);
          await store.append(stream, batch, { expectedRevision: 'any', context });
          written.push(...batch.map((e) => e.id));
        }
      }
      const read = await readAllOfTenant(store, 5);
      expect(read.map((e) => e.id)).toEqual(written);
      for (let i = 1; i < read.length; i++) expect(comparePositions(read[i - 1].position, read[i].position)).toBe(-1);
    });

    it('gives a reader paging while 16 writers append every event exactly once', async () => {
      const written = new Set<string>();
      let writing = true;
      const writers = Array.from({ length: 16 }, async (_, w) => {
        const target = w % 2 ? fixture().otherStore() : store;
        const stream = streamIn(tenant);
        for (let i = 0; i < 25; i++) {
          const batch = events(1 + (i % 3));
          await target.append(stream, batch, { expectedRevision: 'any', context });
          for (const e of batch) written.add(e.id);
        }
      });
      const delivered: string[] = [];
      const reader = (async () => {
        // Runs until the writers are done and it has seen as many events as they wrote (or gives
        // up after a while); an empty page only means "nothing settled yet", not "done".
        let from: RecordedEvent['position'] | 'start' = 'start';
        const deadline = Date.now() + 30_000;
        while ((writing || delivered.length < written.size) && Date.now() < deadline) {
          const page = await store.readAll({ fromPosition: from, maxCount: 13 });
          delivered.push(...ofTenant(page).map((e) => e.id));
          if (page.length > 0) from = page.at(-1)!.position;
          else await new Promise((r) => setTimeout(r, 5));
        }
      })();
      await Promise.all(writers);
      writing = false;
      await reader;

      expect(delivered.length).toBe(new Set(delivered).size);
      expect(new Set(delivered)).toEqual(written);
      expect(written.size).toBe(16 * (9 * 1 + 8 * 2 + 8 * 3));
    }, 60_000);
  });

  describe('subscriptions', () => {
    it('catches up, goes live, and resumes exactly after its checkpoint when restarted', async () => {
      const { checkpoints, clock } = fixture();
      const stream = streamIn(tenant);
      const id = `contract-${tenant}`;
      await store.append(stream, events(5), { expectedRevision: 'no_stream', context });

      const delivered: RecordedEvent[] = [];
      const collect = async (e: RecordedEvent) => void (e.stream.tenant === tenant && delivered.push(e));
      const first = new SubscriptionRunner(id, store, checkpoints, collect, clock);
      await first.start();
      await waitFor(() => delivered.length === 5, 'catch-up');
      await store.append(stream, events(2), { expectedRevision: 4n, context });
      await waitFor(() => delivered.length === 7, 'live events');
      await first.stop();

      await store.append(stream, events(3), { expectedRevision: 6n, context });
      const afterRestart = delivered.length;
      const second = new SubscriptionRunner(id, fixture().otherStore(), checkpoints, collect, clock);
      await second.start();
      await waitFor(() => delivered.length === afterRestart + 3, 'events after the checkpoint');
      await second.stop();

      expect(delivered.map((e) => Number(e.revision))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('after a handler crash, resumes with the event that was not handled', async () => {
      const { checkpoints, clock } = fixture();
      const stream = streamIn(tenant);
      const id = `contract-crash-${tenant}`;
      await store.append(stream, events(4), { expectedRevision: 'no_stream', context });

      const handled: number[] = [];
      const crashing = new SubscriptionRunner(
        id,
        store,
        checkpoints,
        async (e) => {
          if (e.stream.tenant !== tenant) return;
          if (e.revision === 2n) throw new Error('projection crashed');
          handled.push(Number(e.revision));
        },
        clock,
      );
      await crashing.start();
      await waitFor(() => crashing.status().state === 'failed', 'the crash');
      expect(crashing.status().error).toBe('projection crashed');

      const resumed = new SubscriptionRunner(id, store, checkpoints, async (e) => void (e.stream.tenant === tenant && handled.push(Number(e.revision))), clock);
      await resumed.start();
      await waitFor(() => handled.length === 4, 'the rest');
      await resumed.stop();
      expect(handled).toEqual([0, 1, 2, 3]);
    });
  });

  describe('listing streams', () => {
    it("pages through a tenant's streams by prefix, in order, and never another tenant's", async () => {
      const other = newTenant();
      for (const id of ['case-b', 'case-a', 'diarium-KS-2023', 'case-c'])
        await store.append({ tenant, id }, events(1), { expectedRevision: 'no_stream', context });
      await store.append({ tenant: other, id: 'case-a' }, events(1), { expectedRevision: 'no_stream', context });

      const first = await store.listStreams({ tenant, prefix: 'case-', maxCount: 2 });
      expect(first.map((s) => s.id)).toEqual(['case-a', 'case-b']);
      const second = await store.listStreams({ tenant, prefix: 'case-', maxCount: 2, after: first[1] });
      expect(second).toEqual([{ tenant, id: 'case-c' }]);
      expect(await store.listStreams({ tenant, prefix: 'case-', after: second[0] })).toEqual([]);
      expect(
        (await store.listStreams({ prefix: 'case-a', maxCount: 100_000 }))
          .filter((s) => [tenant, other].includes(s.tenant))
          .map((s) => s.tenant)
          .sort(),
      ).toEqual([tenant, other].sort());
    });
  });

  describe('reading streams in bulk', () => {
    it('reads whole streams with their heads, in the order asked, as readStream and streamHead do', async () => {
      const streams = Array.from({ length: 130 }, () => streamIn(tenant)); // past one statement's worth in the PostgreSQL adapter
      for (const [i, stream] of streams.entries()) await store.append(stream, events(1 + (i % 3)), { expectedRevision: 'no_stream', context });
      const missing = streamIn(tenant);
      const asked = [streams[129], missing, ...streams.slice(0, 129)];

      const records = await store.readStreams(asked);
      expect(records.map((r) => r.stream)).toEqual(asked);
      expect(records[1]).toEqual({ stream: missing, events: [], head: undefined });
      for (const record of [records[0], records[2], records[130]]) {
        expect(record.events).toEqual(await store.readStream(record.stream));
        expect(record.head).toEqual(await store.streamHead(record.stream));
      }
      expect(records.reduce((sum, r) => sum + r.events.length, 0)).toBe(streams.reduce((sum, _, i) => sum + 1 + (i % 3), 0));
      expect(await store.readStreams([])).toEqual([]);
    });
  });

  describe('writer metadata', () => {
    it("records the writer's own metadata as given, and never lets it replace the store's", async () => {
      const stream = streamIn(tenant);
      const custom = { ...context, machineId: 'iopCase', machineVersion: 2, tenant: 'forged', recordedAt: 'forged', schemaVersion: 7 };
      await store.append(stream, [event()], { expectedRevision: 'no_stream', context: custom });
      const [recorded] = await store.readStream(stream);
      expect(recorded.metadata).toEqual({
        ...context,
        machineId: 'iopCase',
        machineVersion: 2,
        tenant,
        recordedAt: fixture().clock.now().toISOString(),
        schemaVersion: 1,
      });
      expect(verifyChain([recorded], await store.streamHead(stream)).intact).toBe(true);
    });
  });

  describe('transactions', () => {
    it('commits appends to several streams together, and reads its own appends before the commit', async () => {
      const [a, b] = [streamIn(tenant), streamIn(tenant)];
      const seenInside = await store.withTransaction(async (transaction) => {
        await transaction.append(a, events(2), { expectedRevision: 'no_stream', context });
        await transaction.append(b, events(1), { expectedRevision: 'no_stream', context });
        expect(await store.readStream(a)).toEqual([]); // not yet visible outside
        return (await transaction.readStreams([a, b])).map((r) => [r.events.length, r.head?.revision]);
      });
      expect(seenInside).toEqual([
        [2, 1n],
        [1, 0n],
      ]);
      expect((await store.readStreams([a, b])).map((r) => r.events.length)).toEqual([2, 1]);
      expect(await store.readStream(a)).toHaveLength(2);
    });

    it('writes nothing when the work throws', async () => {
      const stream = streamIn(tenant);
      await expect(
        store.withTransaction(async (transaction) => {
          await transaction.append(stream, events(2), { expectedRevision: 'no_stream', context });
          throw new Error('the outbox write failed');
        }),
      ).rejects.toThrow('the outbox write failed');
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.streamHead(stream)).toBeUndefined();
      await store.append(stream, events(1), { expectedRevision: 'no_stream', context });
    });

    it('stays usable after a refused append, and answers a repeated append idempotently', async () => {
      const [stream, other] = [streamIn(tenant), streamIn(tenant)];
      await store.append(stream, events(1), { expectedRevision: 'no_stream', context });
      const retried = events(1);
      await store.withTransaction(async (transaction) => {
        await expect(transaction.append(stream, events(1), { expectedRevision: 5n, context })).rejects.toBeInstanceOf(WrongExpectedVersionError);
        const first = await transaction.append(other, retried, { expectedRevision: 'no_stream', context });
        expect(await transaction.append(other, retried, { expectedRevision: 'any', context })).toEqual(first);
      });
      expect(await store.readStream(stream)).toHaveLength(1);
      expect((await store.readStream(other)).map((e) => e.id)).toEqual([retried[0].id]);
    });

    it('lists streams as it sees them, and in a read-only transaction appends nothing', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(1), { expectedRevision: 'no_stream', context });
      const listed = await store.withTransaction((transaction) => transaction.listStreams({ tenant }), { readOnly: true });
      expect(listed).toEqual([stream]);
      await expect(
        store.withTransaction((transaction) => transaction.append(stream, events(1), { expectedRevision: 0n, context }), { readOnly: true }),
      ).rejects.toThrow();
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('wakes subscribers when it commits, not before', async () => {
      const stream = streamIn(tenant);
      const subscription = store.subscribe({ fromPosition: (await store.readAll({ maxCount: 1_000_000 })).at(-1)?.position ?? 'start' });
      const delivered: RecordedEvent[] = [];
      const consuming = (async () => {
        for await (const e of subscription) if (e.stream.tenant === tenant) delivered.push(e);
      })();
      try {
        const held = await holdTransaction(store, (t) => t.append(stream, events(1), { expectedRevision: 'no_stream', context }));
        await new Promise((r) => setTimeout(r, 200));
        expect(delivered).toEqual([]);
        await held.end(true);
        await waitFor(() => delivered.length === 1, 'the committed event');
      } finally {
        await subscription.close();
        await consuming;
      }
    });
  });

  describe('hash chain', () => {
    it('verifies an untouched stream against its recorded head', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(3), { expectedRevision: 'no_stream', context });
      await store.append(stream, events(2), { expectedRevision: 2n, context });
      const verdict = verifyChain(await store.readStream(stream), await store.streamHead(stream));
      expect(verdict).toEqual({ intact: true, events: 5 });
    });

    it('chains each event to the one before it', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(2), { expectedRevision: 'no_stream', context });
      const [a, b] = await store.readStream(stream);
      expect(verifyChain([b], { revision: 0n, hash: b.hash })).toMatchObject({ intact: false, revision: 0n });
      expect((await store.streamHead(stream))?.hash).toBe(b.hash);
      expect(a.hash).not.toBe(b.hash);
    });
  });
}
