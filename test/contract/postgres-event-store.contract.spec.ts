import { Pool } from 'pg';
import { WrongExpectedVersionError } from '../../src/event-store/event-store.errors';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StreamName } from '../../src/event-store/event-store.port';
import { verifyChain } from '../../src/event-store/hash-chain';
import { PostgresCheckpointStore } from '../../src/event-store/postgres/postgres-checkpoint-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { FixedClock } from '../../src/shared/clock';
import { context, event, events, newTenant, streamIn, waitFor } from '../support/events';
import { holdTransaction } from '../support/held-transaction';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';
import { eventStoreContract, type ContractFixture } from './event-store.contract';

describe.each(databaseTargets())('PostgresEventStore on $name', (target) => {
  let db: TestDatabase;
  let fixture: ContractFixture;
  const stores: PostgresEventStore[] = [];
  const newStore = () => {
    const store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: fixture.clock, pollIntervalMs: 50 });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    db = await createTestDatabase(target);
    const clock = new FixedClock(new Date('2024-03-04T09:15:00.000Z'));
    fixture = { clock, checkpoints: new PostgresCheckpointStore(db.pool), store: undefined!, otherStore: newStore };
    fixture.store = newStore();
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });

  it('runs on a supported server', () => {
    expect(db.version).toMatch(/^PostgreSQL (1[5-9]|[2-9]\d)/);
  });

  describe('contract', () => eventStoreContract(() => fixture));

  describe('PostgreSQL specifics', () => {
    let store: PostgresEventStore;
    let tenant: string;
    beforeEach(() => {
      store = fixture.store as PostgresEventStore;
      tenant = newTenant();
    });

    it('writes nothing of a batch the database rejects half-way', async () => {
      const stream = streamIn(tenant);
      await store.append(stream, events(1), { expectedRevision: 'no_stream', context });
      const batch = [event(), event(), event('PaymentRecorded', { note: 'NUL \u0000 is not storable in jsonb' })];
      await expect(store.append(stream, batch, { expectedRevision: 0n, context })).rejects.toThrow();
      expect(await store.readStream(stream)).toHaveLength(1);
      expect((await store.streamHead(stream))?.revision).toBe(0n);
      await store.append(stream, events(1), { expectedRevision: 0n, context });
    });

    it('holds a subscriber back while an earlier transaction is open, and skips a rolled-back one', async () => {
      const [held, rolledBack, committed] = [streamIn(tenant), streamIn(tenant), streamIn(tenant)];
      const subscription = store.subscribe({ fromPosition: (await store.readAll({ maxCount: 1_000_000 })).at(-1)?.position ?? 'start' });
      const delivered: RecordedEvent[] = [];
      const consuming = (async () => {
        for await (const e of subscription) if (e.stream.tenant === tenant) delivered.push(e);
      })();

      const [heldEvent] = events(1);
      const holder = await holdTransaction(store, (t) => t.append(held, [heldEvent], { expectedRevision: 'no_stream', context }));
      try {
        const roller = await holdTransaction(store, (t) => t.append(rolledBack, events(1), { expectedRevision: 'no_stream', context }));
        const [committedEvent] = events(1);
        await store.append(committed, [committedEvent], { expectedRevision: 'no_stream', context });
        await roller.end(false);

        // The committed event has a later position than the held one: delivering it now and
        // checkpointing would skip the held event for ever once it commits.
        await new Promise((r) => setTimeout(r, 400)); // several poll rounds
        expect(delivered).toEqual([]);
        expect((await store.readAll({ fromPosition: 'start', maxCount: 1_000_000 })).filter((e) => e.stream.tenant === tenant)).toEqual([]);

        await holder.end(true);
        await waitFor(() => delivered.length === 2, 'both committed events');
        expect(delivered.map((e) => e.id)).toEqual([heldEvent.id, committedEvent.id]);
        expect(await store.readStream(rolledBack)).toEqual([]);
      } finally {
        await holder.end(true);
        await subscription.close();
        await consuming;
      }
    });

    describe('group commit', () => {
      // One slot: the first append goes alone, at once; those arriving while it runs go together.
      const groupStore = (pool = db.pool) => {
        const grouped = new PostgresEventStore({ pool, connection: db.connection, clock: fixture.clock, groupCommit: { slots: 1 } });
        stores.push(grouped);
        return grouped;
      };
      const append = (target: PostgresEventStore, stream: StreamName, batch: NewEvent[], expectedRevision: ExpectedRevision = 'no_stream') =>
        target.append(stream, batch, { expectedRevision, context });

      it('writes appends that arrive together in one commit, and fails only the one whose expected revision is wrong', async () => {
        const grouped = groupStore();
        const moved = streamIn(tenant);
        await append(grouped, moved, events(1));
        await append(fixture.otherStore() as PostgresEventStore, moved, events(1), 0n); // the grouped store still guesses revision 0

        const fresh = Array.from({ length: 5 }, () => streamIn(tenant));
        const [alone, wrong, ...together] = await Promise.allSettled([
          append(grouped, streamIn(tenant), events(1)),
          append(grouped, moved, events(1), 0n),
          ...fresh.map((stream) => append(grouped, stream, events(1))),
        ]);

        expect(alone.status).toBe('fulfilled');
        expect(wrong).toMatchObject({ status: 'rejected', reason: { code: 'WRONG_EXPECTED_VERSION', expected: 0n, actual: 1n } });
        expect((wrong as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
        const commits = together.map((outcome) => (outcome as PromiseFulfilledResult<AppendResult>).value.position.commit);
        expect(new Set(commits).size).toBe(1);
        expect(commits[0]).not.toBe((alone as PromiseFulfilledResult<AppendResult>).value.position.commit);
        expect(await store.readStream(moved)).toHaveLength(2);
        for (const record of await store.readStreams(fresh)) expect(verifyChain(record.events, record.head)).toEqual({ intact: true, events: 1 });
      });

      it('answers an append in a group whose event id the stream already holds as a repeat, and writes it once', async () => {
        const grouped = groupStore();
        const stream = streamIn(tenant);
        const batch = events(2);
        const original = await append(grouped, stream, batch);

        const fresh = Array.from({ length: 3 }, () => streamIn(tenant));
        const [, repeat, ...together] = await Promise.all([
          append(grouped, streamIn(tenant), events(1)),
          append(grouped, stream, batch, 'any'),
          ...fresh.map((other) => append(grouped, other, events(1))),
        ]);

        expect(repeat).toEqual(original);
        expect(new Set(together.map((result) => result.position.commit)).size).toBe(1);
        expect((await store.readStream(stream)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
        expect((await store.readStreams(fresh)).map((record) => record.events.length)).toEqual([1, 1, 1]);
      });

      it('fails only the append at fault when the database refuses a group as a whole', async () => {
        const grouped = groupStore();
        const fresh = Array.from({ length: 3 }, () => streamIn(tenant));
        const unstorable = streamIn(tenant);
        const [, bad, ...good] = await Promise.allSettled([
          append(grouped, streamIn(tenant), events(1)),
          append(grouped, unstorable, [event('PaymentRecorded', { note: 'NUL \u0000 is not storable in jsonb' })]),
          ...fresh.map((stream) => append(grouped, stream, events(1))),
        ]);
        expect(bad.status).toBe('rejected');
        expect(good.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
        expect(await store.streamHead(unstorable)).toBeUndefined();
      });

      it('gives appends made side by side in a transaction each its own outcome, and stays usable after the refused ones', async () => {
        const moved = streamIn(tenant);
        await append(store, moved, events(2));
        const fresh = [streamIn(tenant), streamIn(tenant), streamIn(tenant)];
        const repeated = events(1);
        await append(store, fresh[2], repeated);
        const later = streamIn(tenant);
        await store.withTransaction(async (transaction) => {
          const [wrong, unstorable, ...outcomes] = await Promise.allSettled([
            transaction.append(moved, events(1), { expectedRevision: 0n, context }),
            transaction.append(streamIn(tenant), [event('PaymentRecorded', { note: 'NUL \u0000 is not storable in jsonb' })], {
              expectedRevision: 'no_stream',
              context,
            }),
            transaction.append(fresh[0], events(2), { expectedRevision: 'no_stream', context }),
            transaction.append(fresh[1], events(1), { expectedRevision: 'no_stream', context }),
            transaction.append(fresh[2], repeated, { expectedRevision: 'any', context }),
          ]);
          expect(wrong).toMatchObject({ status: 'rejected', reason: { code: 'WRONG_EXPECTED_VERSION', expected: 0n, actual: 1n } });
          expect(unstorable.status).toBe('rejected');
          expect(outcomes.map((o) => (o as PromiseFulfilledResult<AppendResult>).value.nextExpectedRevision)).toEqual([1n, 0n, 0n]);
          await transaction.append(later, events(1), { expectedRevision: 'no_stream', context });
        });
        expect((await store.readStreams([moved, ...fresh, later])).map((record) => record.events.length)).toEqual([2, 2, 1, 1, 1]);
      });

      it('loses nothing acknowledged when its connections are killed mid-group, and writes a retried append once', async () => {
        const application = `group-crash-${tenant}`;
        const pool = new Pool({ ...db.connection, application_name: application, max: 4 });
        pool.on('error', () => undefined);
        const grouped = groupStore(pool);
        const acknowledged: NewEvent[] = [];
        const failed: { stream: StreamName; batch: NewEvent[] }[] = [];
        const streams = Array.from({ length: 12 }, () => streamIn(tenant));
        let writing = true;
        const writers = streams.map(async (stream) => {
          for (let i = 0; i < 15; i++) {
            const batch = events(1 + (i % 2));
            await append(grouped, stream, batch, 'any').then(
              () => acknowledged.push(...batch),
              () => failed.push({ stream, batch }),
            );
          }
        });
        const killer = (async () => {
          for (let kills = 0; writing && kills < 5; kills++) {
            await new Promise((r) => setTimeout(r, 15));
            await db.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [application]);
          }
        })();
        await Promise.all(writers);
        writing = false;
        await killer;

        const records = await store.readStreams(streams);
        const stored = new Set(records.flatMap((record) => record.events.map((e) => e.id)));
        for (const e of acknowledged) expect(stored.has(e.id)).toBe(true);
        for (const record of records) expect(verifyChain(record.events, record.head).intact).toBe(true);
        for (const { stream, batch } of failed) {
          expect(batch.filter((e) => stored.has(e.id)).length % batch.length).toBe(0); // all of it or none
          await append(grouped, stream, batch, 'any');
        }
        const after = (await store.readStreams(streams)).flatMap((record) => record.events.map((e) => e.id));
        expect(after.length).toBe(new Set(after).size);
        expect(after.length).toBe(acknowledged.length + failed.reduce((n, f) => n + f.batch.length, 0));
        await pool.end();
      });
    });

    describe('tamper evidence (direct SQL)', () => {
      const tamperings: [string, string][] = [
        ['a payload', `UPDATE events SET data = jsonb_set(data, '{n}', '42')`],
        ['a byte of the payload text', `UPDATE events SET data = replace(data::text, 'Roslagen', 'Roslagan')::jsonb`],
        ['the type', `UPDATE events SET type = 'AgreementTerminated'`],
        ['the actor', `UPDATE events SET metadata = jsonb_set(metadata, '{actorId}', '"mallory"')`],
        ['the recorded time', `UPDATE events SET metadata = jsonb_set(metadata, '{recordedAt}', '"2020-01-01T00:00:00.000Z"')`],
        ['the event id', `UPDATE events SET event_id = gen_random_uuid()`],
        ['a byte of the stored hash', `UPDATE events SET hash = set_byte(hash, 0, get_byte(hash, 0) # 1)`],
      ];

      it.each(tamperings)('detects a change to %s at the changed revision', async (_, sql) => {
        const stream = streamIn(tenant);
        await store.append(stream, events(3), { expectedRevision: 'no_stream', context });
        expect(verifyChain(await store.readStream(stream), await store.streamHead(stream)).intact).toBe(true);

        await db.pool.query(`${sql} WHERE tenant = $1 AND stream_id = $2 AND revision = 1`, [stream.tenant, stream.id]);
        expect(verifyChain(await store.readStream(stream), await store.streamHead(stream))).toMatchObject({ intact: false, revision: 1n });
      });

      it('detects a deleted last event through the recorded head', async () => {
        const stream = streamIn(tenant);
        await store.append(stream, events(3), { expectedRevision: 'no_stream', context });
        await db.pool.query('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 2', [stream.tenant, stream.id]);
        expect(verifyChain(await store.readStream(stream), await store.streamHead(stream))).toMatchObject({ intact: false, revision: 2n });
      });

      it('detects a deleted event in the middle', async () => {
        const stream = streamIn(tenant);
        await store.append(stream, events(3), { expectedRevision: 'no_stream', context });
        await db.pool.query('DELETE FROM events WHERE tenant = $1 AND stream_id = $2 AND revision = 1', [stream.tenant, stream.id]);
        expect(verifyChain(await store.readStream(stream), await store.streamHead(stream))).toMatchObject({ intact: false, revision: 1n });
      });

      it('detects a forged head even after new events were chained onto it', async () => {
        const stream = streamIn(tenant);
        await store.append(stream, events(2), { expectedRevision: 'no_stream', context });
        await db.pool.query('UPDATE streams SET head_hash = sha256(head_hash) WHERE tenant = $1 AND stream_id = $2', [stream.tenant, stream.id]);
        await store.append(stream, events(1), { expectedRevision: 1n, context });
        expect(verifyChain(await store.readStream(stream), await store.streamHead(stream))).toMatchObject({ intact: false, revision: 2n });
      });
    });
  });
});
