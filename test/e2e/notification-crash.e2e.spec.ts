import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import type { NotificationIntent } from '../../src/notifications/notification-outbox.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { OUTBOX_CHANNEL, OutboxWake, PostgresNotificationOutbox } from '../../src/notifications/postgres-notification-outbox';
import { SystemClock } from '../../src/shared/clock';
import { startBuiltService } from '../support/built-service';
import { freePort } from '../support/free-port';
import { WebhookReceiver, webhookSecret } from '../support/notification-receivers';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';

const COUNT = 300;

const intent = (n: number): NotificationIntent => ({
  id: uuidv5(`crash/${n}`, '9c3e2b1a-3333-4c1a-8e3a-9a0b1c2d3e4f'),
  tenant: 'linkoping',
  caseId: uuidv5(`case/${n}`, '9c3e2b1a-3333-4c1a-8e3a-9a0b1c2d3e4f'),
  deadline: {
    kind: 'yearly-payment',
    key: 'yearly-payment:2024',
    date: '2024-01-31',
    rule: 'yearly-payment-january',
    explanation: { sv: 'Betalning i januari', en: 'Payment in January' },
  },
  occasion: 'due',
  daysBefore: 0,
  recipient: 'officer',
  case: { diarienummer: `KS 2024/${String(n).padStart(5, '0')}`, organisation: 'Brottsofferjouren Linköping', officer: null },
  firedAt: '2024-01-31T07:00:00.000Z',
});

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The built service, killed with SIGKILL while it is delivering 300 webhooks to a slow
 * subscriber, then started again: every notification arrives, and the subscriber, deduplicating
 * by webhook-id, acts on each exactly once. Redeliveries of the sends in flight at the kill reach
 * it under the same id: they are counted and reported, never new ids.
 */
describe('notifications over a SIGKILL of the service', () => {
  let db: TestDatabase;
  let dataDir: string;
  let port: number;
  let service: ChildProcess | undefined;
  const secret = webhookSecret();
  let arrivals = 0;
  let killed: Promise<unknown> | undefined;
  /** A slow subscriber; its 110th request, in the middle of a batch of sends, is the moment the service is killed. */
  const receiver = new WebhookReceiver(secret, async () => {
    if (++arrivals === 110) {
      killed = new Promise((resolve) => service!.once('exit', resolve));
      service!.kill('SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 40));
    return 204;
  });

  beforeAll(async () => {
    [db, dataDir, port] = await Promise.all([createTestDatabase(databaseTargets()[0]), mkdtemp(join(tmpdir(), 'iop-crash-')), freePort(), receiver.start()]);
    await writeFile(
      join(dataDir, 'directory.json'),
      JSON.stringify({ tenants: { linkoping: { roles: { officer: { webhooks: [{ url: `${receiver.url}/hook`, secret }] } } } } }),
    );
  });

  afterAll(async () => {
    if (service?.exitCode === null) service.kill('SIGKILL');
    await receiver.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    service = await startBuiltService(
      { DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'error', NOTIFICATION_DIRECTORY_FILE: join(dataDir, 'directory.json'), NOTIFY_LEASE_MS: '2000' },
      { port },
    );
  }

  /** As a firing does: in a transaction of the event store; the service's worker is woken by NOTIFY after the commit. */
  async function enqueue(intents: readonly NotificationIntent[]): Promise<void> {
    const store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new SystemClock() });
    const wake = new OutboxWake(db, OUTBOX_CHANNEL);
    await store.withTransaction((transaction) => new PostgresNotificationOutbox(wake).enqueue(transaction, intents));
    await Promise.all([wake.close(), store.close()]); // closing sends the NOTIFY still pending
  }

  const statuses = async () =>
    Object.fromEntries(
      (await db.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM notification_deliveries GROUP BY status')).rows.map((r) => [
        r.status,
        r.n,
      ]),
    );

  it('delivers every notification exactly once as the subscriber counts them (deduplicated by webhook-id)', async () => {
    await start();
    await enqueue(Array.from({ length: COUNT }, (_, n) => intent(n)));

    await until('the kill', () => killed !== undefined);
    await killed;
    await new Promise((r) => setTimeout(r, 200)); // the subscriber finishes the requests it had in hand
    const beforeRestart = receiver.acceptedIds().size;
    expect(beforeRestart).toBeLessThan(COUNT); // killed mid-deliveries
    expect((await statuses()).pending).toBeGreaterThan(0);

    await start();
    await until('all deliveries', async () => (await statuses()).delivered === COUNT);

    const unique = receiver.acceptedIds();
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM notification_deliveries');
    expect(unique.size).toBe(COUNT);
    expect(unique).toEqual(new Set(rows.map((r) => r.id)));
    expect(receiver.rejectedSignatures).toEqual([]);
    const redeliveries = receiver.received.length - unique.size;
    console.info(
      `notification crash test: ${COUNT} unique webhook-ids, ${beforeRestart} before the kill, ${redeliveries} redeliveries of an id already received`,
    );
    // The sends in flight at the kill reached the subscriber but were never marked delivered: sent again, same id.
    expect(redeliveries).toBeGreaterThan(0);
    expect(redeliveries).toBeLessThanOrEqual(20); // at most one batch was in flight
  }, 120_000);
});
