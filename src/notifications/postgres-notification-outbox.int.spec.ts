import { Client } from 'pg';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { FixedClock } from '../shared/clock';
import type { NotificationIntent } from './notification-outbox.port';
import { OUTBOX_CHANNEL, OutboxWake, PostgresNotificationOutbox } from './postgres-notification-outbox';

const intent = (id: string): NotificationIntent => ({
  id,
  tenant: 'linkoping',
  caseId: '7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10',
  deadline: {
    kind: 'yearly-payment',
    key: 'yearly-payment:2024',
    date: '2024-01-31',
    rule: 'yearly-payment-january',
    explanation: { sv: 'Betalning i januari', en: 'Payment in January' },
  },
  occasion: 'reminder',
  daysBefore: 14,
  recipient: 'officer',
  case: { diarienummer: 'KS 2022/01692', organisation: 'Brottsofferjouren Linköping', officer: { id: 'u-1', name: 'Anna Handläggare' } },
  firedAt: '2024-01-17T07:00:00.000Z',
});

describe.each(databaseTargets())('PostgresNotificationOutbox on $name', (target) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let wake: OutboxWake;
  let outbox: PostgresNotificationOutbox;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new FixedClock(new Date('2024-01-17T07:00:00.000Z')) });
    wake = new OutboxWake(db, OUTBOX_CHANNEL);
    outbox = new PostgresNotificationOutbox(wake);
  });
  afterAll(async () => {
    await Promise.all([store.close(), wake.close()]);
    await db.drop();
  });

  it('writes in the event store’s transaction, skips ids already present, and wakes listeners after the commit, never before', async () => {
    const listener = new Client(db.connection);
    await listener.connect();
    const notifications: string[] = [];
    listener.on('notification', (n) => notifications.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const inProcess = wake.current;
    await expect(
      store.withTransaction(async (transaction) => {
        await outbox.enqueue(transaction, [intent('0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61')]);
        throw new Error('the firing failed');
      }),
    ).rejects.toThrow('the firing failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([wake.current, notifications]).toEqual([inProcess, []]);

    await store.withTransaction(async (transaction) => {
      await outbox.enqueue(transaction, [intent('0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61'), intent('5d2e7a90-1c3b-4f6d-8e7a-9b0c1d2e3f40')]);
      await outbox.enqueue(transaction, [intent('0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61')]);
      expect(wake.current).toBe(inProcess); // not before the commit
    });
    expect(wake.current).toBeGreaterThan(inProcess); // this process's workers at once
    const deadline = Date.now() + 5000;
    while (notifications.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(notifications).toEqual([OUTBOX_CHANNEL]); // other instances' by one coalesced NOTIFY
    await listener.end();
    const { rows } = await db.pool.query('SELECT id, case_id, intent, enqueued_at, dispatched_at FROM notification_outbox ORDER BY id');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: '0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61', dispatched_at: null, enqueued_at: new Date('2024-01-17T07:00:00.000Z') });
    expect(rows[0].intent).toEqual(intent('0b6f3c1e-8a55-4c7e-9b0a-3d1f2e4c5a61'));
  });
});
