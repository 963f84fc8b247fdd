import type { RecordedEvent } from '../../src/event-store/event-store.port';
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
