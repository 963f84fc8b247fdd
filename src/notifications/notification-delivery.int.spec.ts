import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { SmtpReceiver, WebhookReceiver, webhookSecret } from '../../test/support/notification-receivers';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import { loadConfig, type AppConfig } from '../config/app-config';
import { createLogger } from '../logging/logger';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { FixedClock } from '../shared/clock';
import type { DirectoryData } from './notification-directory';
import type { NotificationIntent, RecipientRole } from './notification-outbox.port';
import { notificationParts } from './notifications.module';
import { OrganisationContactLookup } from './organisation-contact.port';

const CASE_ID = '7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10';
const CASE_WITH_CONTACT = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const DAY = 86_400_000;

const intent = (name: string, overrides: Partial<NotificationIntent> = {}): NotificationIntent => ({
  id: uuidv5(name, '0d0f6a3e-1111-4c1a-8e3a-9a0b1c2d3e4f'),
  tenant: 'linkoping',
  caseId: CASE_ID,
  deadline: {
    kind: 'last-day-to-give-notice',
    key: 'last-day-to-give-notice',
    date: '2025-06-30',
    rule: 'agreement-notice-period',
    explanation: { sv: 'periodens slut 2025-12-31 − 6 månaders uppsägningstid = 2025-06-30', en: 'period end 2025-12-31 − 6 months notice = 2025-06-30' },
  },
  occasion: 'reminder',
  daysBefore: 30,
  recipient: 'officer',
  case: { diarienummer: 'KS 2022/01692', organisation: 'Brottsofferjouren Linköping', officer: { id: 'john.fristedt', name: 'John Fristedt' } },
  firedAt: '2025-05-31T07:00:00.000Z',
  ...overrides,
});

/** The contact person is another branch's: here, one case has one. */
class OneContact extends OrganisationContactLookup {
  async email(_tenant: string, caseId: string): Promise<string | null> {
    return caseId === CASE_WITH_CONTACT ? 'kontakt@brottsofferjouren.example' : null;
  }
}

describe.each(databaseTargets())('notification delivery to real receivers on $name', (target) => {
  let db: TestDatabase;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let parts: ReturnType<typeof notificationParts>;
  let store: PostgresEventStore;
  let directoryFile: string;
  let config: AppConfig;
  const secret = webhookSecret();
  const clock = new FixedClock(new Date('2025-05-31T07:00:00.000Z'));
  /** The manager's subscriber fails the first three tries of each notification, the board secretary's always. */
  const answer = (_id: string, attempt: number, path: string) => ((path === '/manager' && attempt <= 3) || path === '/down' ? 500 : 204);

  beforeAll(async () => {
    db = await createTestDatabase(target);
    smtp = await new SmtpReceiver().start();
    hooks = await new WebhookReceiver(secret, answer).start();
    const directory: DirectoryData = {
      tenants: {
        linkoping: {
          officers: { 'john.fristedt': 'john.fristedt@linkoping.example' },
          roles: {
            officer: { email: ['iop@linkoping.example'], webhooks: [{ url: `${hooks.url}/officer`, secret }] },
            manager: { email: ['chef@linkoping.example'], webhooks: [{ url: `${hooks.url}/manager`, secret }] },
            boardSecretary: { email: ['sekreterare@linkoping.example'] },
          },
        },
      },
    };
    directoryFile = join(mkdtempSync(join(tmpdir(), 'iop-directory-')), 'directory.json');
    writeFileSync(directoryFile, JSON.stringify(directory));
    config = loadConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      NOTIFICATION_DIRECTORY_FILE: directoryFile,
      NOTIFY_BACKOFF_BASE_MS: '1000',
      NOTIFY_MAX_ATTEMPTS: '5',
      NOTIFY_ESCALATION_DAYS: '3,3',
    });
    parts = notificationParts(config, db, clock, createLogger('silent'), new OneContact());
    store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock });
  });

  afterAll(async () => {
    parts.email.close();
    await Promise.all([smtp.stop(), hooks.stop(), store.close(), parts.worker.stop()]);
    await db.drop();
  });

  async function enqueue(...intents: NotificationIntent[]): Promise<void> {
    await store.withTransaction((transaction) => parts.outbox.enqueue(transaction, intents));
  }

  const deliveriesOf = async (item: NotificationIntent) =>
    (
      await db.pool.query(
        'SELECT id, recipient, rung, channel, address, status, skip_reason, attempts FROM notification_deliveries WHERE outbox_id = $1 ORDER BY rung, channel, address',
        [item.id],
      )
    ).rows;

  it('emails the case officer in Swedish with diarienummer, organisation, the deadline and a link, and posts a verifiable webhook', async () => {
    const reminder = intent('officer reminder');
    await enqueue(reminder);
    await parts.worker.runOnce();

    const [mail] = smtp.to('john.fristedt@linkoping.example');
    expect(mail.subject).toBe('Påminnelse: Sista dag att säga upp överenskommelsen 2025-06-30 (om 30 dagar) – KS 2022/01692, Brottsofferjouren Linköping');
    expect(mail.text).toContain('Om 30 dagar, 2025-06-30, infaller: Sista dag att säga upp överenskommelsen.');
    expect(mail.text).toContain('Ärende: KS 2022/01692');
    expect(mail.text).toContain('Organisation: Brottsofferjouren Linköping');
    expect(mail.text).toContain('Så har datumet räknats fram: periodens slut 2025-12-31 − 6 månaders uppsägningstid = 2025-06-30');
    expect(mail.text).toContain(`http://localhost:3000/cases/${CASE_ID}`);

    const deliveries = await deliveriesOf(reminder);
    expect(deliveries.map((d) => [d.channel, d.address, d.status, d.attempts])).toEqual([
      ['email', 'john.fristedt@linkoping.example', 'delivered', 1],
      ['webhook', `${hooks.url}/officer`, 'delivered', 1],
    ]);
    const webhook = hooks.received.find((r) => r.path === '/officer')!;
    expect(hooks.rejectedSignatures).toEqual([]);
    expect(webhook.id).toBe(deliveries[1].id);
    expect(webhook.payload).toMatchObject({
      type: 'deadline.reminder',
      data: { diarienummer: 'KS 2022/01692', caseId: CASE_ID, deadline: { date: '2025-06-30' } },
    });
  });

  it('creates nothing new when an intent is dispatched again (deterministic delivery ids)', async () => {
    const reminder = intent('officer reminder');
    await db.pool.query('UPDATE notification_outbox SET dispatched_at = NULL WHERE id = $1', [reminder.id]);
    await parts.worker.runOnce();
    expect(await deliveriesOf(reminder)).toHaveLength(2);
    expect(smtp.to('john.fristedt@linkoping.example')).toHaveLength(1);
  });

  it("records the organisation's contact as skipped, with the reason, when the case has none, and emails it when it has", async () => {
    // The firing found no contact person on the one case, one on the other (the address is read only when sending).
    const without = intent('contact missing', { recipient: 'organisationContact', occasion: 'due', daysBefore: 0, hasContact: false });
    const withContact = intent('contact present', {
      recipient: 'organisationContact',
      occasion: 'due',
      daysBefore: 0,
      caseId: CASE_WITH_CONTACT,
      hasContact: true,
    });
    await enqueue(without, withContact);
    await parts.worker.runOnce();
    expect(await deliveriesOf(without)).toEqual([
      expect.objectContaining({ channel: 'none', status: 'skipped', skip_reason: expect.stringContaining('kontaktperson') }),
    ]);
    expect(await deliveriesOf(withContact)).toEqual([expect.objectContaining({ channel: 'email', address: 'kontaktperson', status: 'delivered' })]);
    expect(smtp.to('kontakt@brottsofferjouren.example')[0].subject).toMatch(/^I dag: Sista dag att säga upp överenskommelsen 2025-06-30 – KS 2022\/01692/);
  });

  it('retries a receiver that fails three times with exponential backoff: it accepts exactly one delivery, the fourth attempt', async () => {
    const toManager = intent('manager due', { recipient: 'manager', occasion: 'due', daysBefore: 0 });
    await enqueue(toManager);
    await parts.worker.runOnce(); // attempt 1 fails
    const webhookId = (await deliveriesOf(toManager)).find((d) => d.channel === 'webhook')!.id;
    for (const backoff of [1000, 2000, 4000]) {
      clock.advance(backoff - 1);
      await parts.worker.runOnce();
      expect(hooks.attemptsOf(webhookId)).toBe(Math.log2(backoff / 1000) + 1); // not yet due: no new attempt
      clock.advance(1);
      await parts.worker.runOnce();
    }
    expect(hooks.attemptsOf(webhookId)).toBe(4);
    expect(hooks.acceptedIds('/manager')).toEqual(new Set([webhookId]));
    expect(hooks.received.filter((r) => r.id === webhookId && r.accepted)).toHaveLength(1);
    const webhook = (await parts.store.list('linkoping', { limit: 100 })).find((d) => d.id === webhookId)!;
    expect(webhook).toMatchObject({ status: 'delivered', attempts: 4, lastError: null });
  });

  it("takes a crashed worker's claim again once its lease has run out", async () => {
    const reminder = intent('lease', { recipient: 'boardSecretary' });
    await enqueue(reminder);
    await db.pool.query('UPDATE notification_outbox SET dispatched_at = NULL WHERE id = $1', [reminder.id]);
    await parts.worker.runOnce();
    const [delivery] = await deliveriesOf(reminder);
    await db.pool.query("UPDATE notification_deliveries SET status = 'pending', delivered_at = NULL WHERE id = $1", [delivery.id]);
    const [claimed] = await parts.store.claim(10); // …and the worker dies here
    expect(claimed.id).toBe(delivery.id);
    expect(await parts.store.claim(10)).toEqual([]);
    clock.advance(60_000);
    expect((await parts.store.claim(10)).map((d) => [d.id, d.attempts])).toEqual([[delivery.id, 3]]);
  });

  it('escalates an unacknowledged reminder officer → manager → board secretary, each rung once, and stops at the top', async () => {
    clock.set(new Date('2025-06-01T07:00:00.000Z'));
    const reminder = intent('escalating', {
      case: { diarienummer: 'KS 2022/09999', organisation: 'Brottsofferjouren Linköping', officer: { id: 'john.fristedt', name: 'John Fristedt' } },
    });
    const acknowledged = intent('acknowledged', { case: { diarienummer: 'KS 2022/08888', organisation: 'Brottsofferjouren Linköping', officer: null } });
    await enqueue(reminder, acknowledged);
    await parts.worker.runOnce();
    const first = await deliveriesOf(acknowledged);
    await parts.store.acknowledge('linkoping', first[0].id, 'john.fristedt');

    const rungs = async (item: NotificationIntent) => (await deliveriesOf(item)).map((d) => `${d.rung}:${d.recipient as RecipientRole}:${d.channel}`);
    clock.advance(3 * DAY - 1);
    await parts.worker.runOnce();
    expect(await rungs(reminder)).toEqual(['0:officer:email', '0:officer:webhook']);
    clock.advance(1);
    await parts.worker.runOnce();
    await parts.worker.runOnce();
    expect(await rungs(reminder)).toEqual(['0:officer:email', '0:officer:webhook', '1:manager:email', '1:manager:webhook']);
    const [escalated] = smtp.to('chef@linkoping.example').filter((m) => m.subject?.includes('KS 2022/09999'));
    expect(escalated.text).toContain('Eskalerad: påminnelsen har inte kvitterats av handläggaren.');

    clock.advance(3 * DAY);
    await parts.worker.runOnce();
    clock.advance(30 * DAY);
    await parts.worker.runOnce();
    expect(await rungs(reminder)).toEqual(['0:officer:email', '0:officer:webhook', '1:manager:email', '1:manager:webhook', '2:boardSecretary:email']);
    expect(smtp.to('sekreterare@linkoping.example').filter((m) => m.subject?.includes('KS 2022/09999'))).toHaveLength(1);
    expect(await rungs(acknowledged)).toEqual(['0:officer:email', '0:officer:webhook']);
  });

  it('sends each delivery once with two workers running against one database (SKIP LOCKED claims)', async () => {
    const other = notificationParts(config, db, clock, createLogger('silent'), new OneContact());
    const batch = Array.from({ length: 60 }, (_, n) =>
      intent(`two workers ${n}`, {
        recipient: 'officer',
        occasion: 'acted',
        daysBefore: 0,
        case: { diarienummer: `KS 2024/${n}`, organisation: 'X', officer: null },
      }),
    );
    const before = hooks.received.length;
    parts.worker.start();
    other.worker.start();
    try {
      await enqueue(...batch);
      const ids = async () =>
        (
          await db.pool.query<{ id: string }>(
            "SELECT id FROM notification_deliveries WHERE channel = 'webhook' AND status = 'delivered' AND outbox_id = ANY($1::uuid[])",
            [batch.map((b) => b.id)],
          )
        ).rows;
      for (let waited = 0; (await ids()).length < 60 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(await ids()).toHaveLength(60);
    } finally {
      await Promise.all([parts.worker.stop(), other.worker.stop()]);
      other.email.close();
    }
    const received = hooks.received.slice(before).filter((r) => r.path === '/officer');
    expect(received).toHaveLength(60);
    expect(new Set(received.map((r) => r.id)).size).toBe(60);
  });
});
