/**
 * Linköping's three-year agreement (2023-01-01..2025-12-31, six months' notice, paid each January,
 * operational and strategic meetings twice a year, report back in Q1 of 2025) from application to
 * expiry, under a fake clock moved from timer to timer and step to step. The officials do what
 * the seed and the table below say; the engine does the rest: the decision's legal force, the
 * reminders and notices, and the end. Every notification intent is asserted, each exactly once;
 * and so is every notification as it reached a real SMTP server and a webhook subscriber (date,
 * kind, recipient, channel, address), escalations included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeadlineScheduler } from '../../src/deadlines/scheduler';
import { TimersProjection } from '../../src/deadlines/timers/timers.projection';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import { command, linkoping } from '../../src/demo/seed-cases';
import type { Command } from '../../src/lifecycle';
import { stockholmDate } from '../../src/calendar';
import type { Role } from '../../src/lifecycle';
import type { RecipientRole } from '../../src/notifications/notification-outbox.port';
import { NOTIFICATION_PARTS, type notificationParts } from '../../src/notifications/notifications.module';
import { bearer, TestApi } from '../support/api';
import { SmtpReceiver, WebhookReceiver, webhookSecret } from '../support/notification-receivers';
import { commandPath } from '../support/seed-walk';
import { ore } from '../../src/money';

jest.setTimeout(120_000);

const TENANT = 'linkoping';

const meeting = (forum: 'operational' | 'strategic', heldOn: string) =>
  command('record-meeting', heldOn, {
    forum,
    heldOn,
    convener: forum === 'operational' ? 'Leanlink/Stödcentrum' : 'Social- och omsorgsförvaltningen',
    minutesRef: null,
  });

/** What the officials do, in date order. The decision's legal force is left to the engine (no `final`). */
const officials: Command[] = [
  ...Object.entries(linkoping)
    .filter(([step]) => !['final', 'notice', 'terminate'].includes(step))
    .map(([, c]) => c),
  meeting('operational', '2023-10-11'),
  meeting('strategic', '2023-11-08'),
  meeting('operational', '2024-04-10'),
  meeting('strategic', '2024-05-15'),
  meeting('operational', '2024-10-09'),
  // No strategic meeting in the second half of 2024: the engine reminds and then tells.
  command('submit-annual-report', '2025-02-14', { year: 2024, volunteerHours: 1_480, fundsUsed: ore(49_156_020), submittedOn: '2025-02-14' }),
  command('record-evaluation', '2025-03-05', {
    year: 2024,
    evaluatedOn: '2025-03-05',
    fundsUsedAsIntended: true,
    summary: 'Verksamheten motsvarar överenskommelsen.',
  }),
  meeting('operational', '2025-04-09'),
  meeting('strategic', '2025-05-14'),
  meeting('operational', '2025-10-08'),
  meeting('strategic', '2025-11-12'),
].sort((a, b) => a.now.localeCompare(b.now));

/**
 * The notifications of the whole agreement: date (Stockholm), deadline kind, occasion, recipient.
 * 2024 was paid on OPI's forecast (+4,10 %); the final value (+3,90 %, 2024-12-12, the demo's
 * reference data) leaves 944,40 kr to reclaim, due 30 days after it was published.
 * (Delivery channels are the notifications module's: extend a row with its channel there.)
 */
const EXPECTED = `
  2022-09-01  registration             due       manager
  2022-12-07  decision-final           acted     officer
  2022-12-07  decision-final           acted     boardSecretary
  2023-01-17  yearly-payment           reminder  officer
  2024-01-17  yearly-payment           reminder  officer
  2024-12-01  follow-up-meeting        reminder  officer
  2024-12-31  follow-up-meeting        due       officer
  2025-01-11  payment-adjustment       due       officer
  2025-01-11  payment-adjustment       due       manager
  2025-01-17  yearly-payment           reminder  officer
  2025-03-01  report-back              reminder  officer
  2025-03-01  report-back              reminder  manager
  2025-03-02  renewal-reminder         reminder  officer
  2025-03-02  renewal-reminder         reminder  manager
  2025-05-01  renewal-reminder         reminder  officer
  2025-05-01  renewal-reminder         reminder  manager
  2025-05-31  renewal-reminder         reminder  officer
  2025-05-31  renewal-reminder         reminder  manager
  2025-06-23  renewal-reminder         reminder  officer
  2025-06-23  renewal-reminder         reminder  manager
  2025-06-30  last-day-to-give-notice  due       officer
  2025-06-30  last-day-to-give-notice  due       manager
  2026-01-01  period-ends              acted     officer
  2026-01-01  period-ends              acted     manager
  2026-01-01  period-ends              acted     organisationContact
`;

/** With written notice from the organisation on 2025-03-31: everything after it is different. */
const EXPECTED_WITH_NOTICE = `
  2022-09-01  registration             due       manager
  2022-12-07  decision-final           acted     officer
  2022-12-07  decision-final           acted     boardSecretary
  2023-01-17  yearly-payment           reminder  officer
  2024-01-17  yearly-payment           reminder  officer
  2024-12-01  follow-up-meeting        reminder  officer
  2024-12-31  follow-up-meeting        due       officer
  2025-01-11  payment-adjustment       due       officer
  2025-01-11  payment-adjustment       due       manager
  2025-01-17  yearly-payment           reminder  officer
  2025-03-01  report-back              reminder  officer
  2025-03-01  report-back              reminder  manager
  2025-03-02  renewal-reminder         reminder  officer
  2025-03-02  renewal-reminder         reminder  manager
  2025-10-01  notice-takes-effect      acted     officer
  2025-10-01  notice-takes-effect      acted     manager
  2025-10-01  notice-takes-effect      acted     organisationContact
`;

const rows = (table: string) =>
  table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).join(' '));

/** The organisation's contact person, given on application: personal data, stored encrypted, read only when an email goes out. */
const CONTACT = { name: 'Karin Holm', email: 'karin.holm@brottsofferjouren.example.se', phone: '070-123 45 67' };

/** Who acknowledges a reminder that reaches them, as which official. */
const ACKNOWLEDGERS: Record<Exclude<RecipientRole, 'organisationContact'>, { roles: Role[]; sub: string }> = {
  officer: { roles: ['handlaggare'], sub: 'john.fristedt' },
  manager: { roles: ['chef'], sub: 'linda.ljungqvist' },
  boardSecretary: { roles: ['namndsekreterare'], sub: 'namndsekreterare' },
};

/**
 * The officials acknowledge each reminder the day it reaches them, except the one to book the
 * half-year's strategic meeting: nobody does, so it climbs the ladder (NOTIFY_ESCALATION_DAYS 3,3).
 */
const UNANSWERED: ReadonlySet<string> = new Set(['follow-up-meeting']);

/**
 * What the receivers got, end to end: the engine's Stockholm date when it arrived, deadline kind,
 * occasion (`escalated`: a rung above the first), recipient role, channel, address. The contact
 * person's address is the decrypted one from the application; the board secretariat's diarium
 * subscribes by webhook; everyone else is emailed.
 */
const RECEIVED = `
  2022-09-01  registration             due        manager              email    linda.ljungqvist@linkoping.example.se
  2022-12-07  decision-final           acted      officer              email    john.fristedt@linkoping.example.se
  2022-12-07  decision-final           acted      boardSecretary       webhook  /diarium
  2023-01-17  yearly-payment           reminder   officer              email    john.fristedt@linkoping.example.se
  2024-01-17  yearly-payment           reminder   officer              email    john.fristedt@linkoping.example.se
  2024-12-01  follow-up-meeting        reminder   officer              email    john.fristedt@linkoping.example.se
  2024-12-04  follow-up-meeting        escalated  manager              email    linda.ljungqvist@linkoping.example.se
  2024-12-07  follow-up-meeting        escalated  boardSecretary       webhook  /diarium
  2024-12-31  follow-up-meeting        due        officer              email    john.fristedt@linkoping.example.se
  2025-01-11  payment-adjustment       due        officer              email    john.fristedt@linkoping.example.se
  2025-01-11  payment-adjustment       due        manager              email    linda.ljungqvist@linkoping.example.se
  2025-01-17  yearly-payment           reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-01  report-back              reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-01  report-back              reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-03-02  renewal-reminder         reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-02  renewal-reminder         reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-05-01  renewal-reminder         reminder   officer              email    john.fristedt@linkoping.example.se
  2025-05-01  renewal-reminder         reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-05-31  renewal-reminder         reminder   officer              email    john.fristedt@linkoping.example.se
  2025-05-31  renewal-reminder         reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-06-23  renewal-reminder         reminder   officer              email    john.fristedt@linkoping.example.se
  2025-06-23  renewal-reminder         reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-06-30  last-day-to-give-notice  due        officer              email    john.fristedt@linkoping.example.se
  2025-06-30  last-day-to-give-notice  due        manager              email    linda.ljungqvist@linkoping.example.se
  2026-01-01  period-ends              acted      officer              email    john.fristedt@linkoping.example.se
  2026-01-01  period-ends              acted      manager              email    linda.ljungqvist@linkoping.example.se
  2026-01-01  period-ends              acted      organisationContact  email    karin.holm@brottsofferjouren.example.se
`;

/** With the notice: nothing more reaches anyone after the renewal reminder of 2025-03-02 until the notice has run. */
const RECEIVED_WITH_NOTICE = `
  2022-09-01  registration         due        manager              email    linda.ljungqvist@linkoping.example.se
  2022-12-07  decision-final       acted      officer              email    john.fristedt@linkoping.example.se
  2022-12-07  decision-final       acted      boardSecretary       webhook  /diarium
  2023-01-17  yearly-payment       reminder   officer              email    john.fristedt@linkoping.example.se
  2024-01-17  yearly-payment       reminder   officer              email    john.fristedt@linkoping.example.se
  2024-12-01  follow-up-meeting    reminder   officer              email    john.fristedt@linkoping.example.se
  2024-12-04  follow-up-meeting    escalated  manager              email    linda.ljungqvist@linkoping.example.se
  2024-12-07  follow-up-meeting    escalated  boardSecretary       webhook  /diarium
  2024-12-31  follow-up-meeting    due        officer              email    john.fristedt@linkoping.example.se
  2025-01-11  payment-adjustment       due        officer              email    john.fristedt@linkoping.example.se
  2025-01-11  payment-adjustment       due        manager              email    linda.ljungqvist@linkoping.example.se
  2025-01-17  yearly-payment       reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-01  report-back          reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-01  report-back          reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-03-02  renewal-reminder     reminder   officer              email    john.fristedt@linkoping.example.se
  2025-03-02  renewal-reminder     reminder   manager              email    linda.ljungqvist@linkoping.example.se
  2025-10-01  notice-takes-effect  acted      officer              email    john.fristedt@linkoping.example.se
  2025-10-01  notice-takes-effect  acted      manager              email    linda.ljungqvist@linkoping.example.se
  2025-10-01  notice-takes-effect  acted      organisationContact  email    karin.holm@brottsofferjouren.example.se
`;

interface Received {
  readonly date: string;
  /** The delivery's id: the webhook-id, or the email's Message-ID. */
  readonly id: string;
  readonly channel: 'email' | 'webhook';
  readonly address: string;
  readonly subject: string;
  /** The acknowledgement link the text gives the official. */
  readonly ack: string | undefined;
}

const ackPathIn = (text: string | undefined) => /Kvittera påminnelsen: POST https?:\/\/[^/\s]+(\/notifications\/[0-9a-f-]+\/ack)/.exec(text ?? '')?.[1];

interface DeliveryView {
  id: string;
  deadline: { kind: string };
  occasion: string;
  recipient: RecipientRole;
  rung: number;
  channel: string;
  address: string;
  status: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/**
 * The receiving end: a real SMTP server and a webhook subscriber that verifies signatures with
 * `standardwebhooks`, named in a directory file the service reads. Arrivals are stamped with the
 * engine's date.
 */
class Receivers {
  readonly smtp = new SmtpReceiver();
  private readonly secret = webhookSecret();
  readonly hooks = new WebhookReceiver(this.secret);
  readonly received: Received[] = [];
  private seen = { email: 0, webhook: 0 };

  /** Starts both and returns the service's environment pointing at them. */
  async start(): Promise<NodeJS.ProcessEnv> {
    await Promise.all([this.smtp.start(), this.hooks.start()]);
    const directory = {
      tenants: {
        [TENANT]: {
          // The officer by the case's officer id; the shared mailbox only while no officer is assigned.
          officers: { 'john.fristedt': 'john.fristedt@linkoping.example.se' },
          roles: {
            officer: { email: ['iop@linkoping.example.se'] },
            manager: { email: ['linda.ljungqvist@linkoping.example.se'] },
            // The board's secretariat takes notifications into its diarium system by webhook.
            boardSecretary: { webhooks: [{ url: `${this.hooks.url}/diarium`, secret: this.secret }] },
          },
        },
      },
    };
    const file = join(mkdtempSync(join(tmpdir(), 'iop-simulation-')), 'directory.json');
    writeFileSync(file, JSON.stringify(directory));
    return {
      NOTIFY_WORKER: 'false',
      NOTIFICATION_DIRECTORY_FILE: file,
      NOTIFY_ESCALATION_DAYS: '3,3',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(this.smtp.port),
    };
  }

  /** What arrived since the last call, stamped with the date of `now`. */
  collect(now: Date): Received[] {
    const date = stockholmDate(now.toISOString());
    const fresh: Received[] = [
      ...this.smtp.messages.slice(this.seen.email).map((mail) => ({
        date,
        channel: 'email' as const,
        id: /^<(.+)@iop-engine>$/.exec(mail.messageId ?? '')?.[1] ?? `unknown ${mail.messageId}`,
        address: [mail.to]
          .flat()
          .map((to) => to?.text)
          .join(', '),
        subject: mail.subject ?? '',
        ack: ackPathIn(mail.text),
      })),
      ...this.hooks.received.slice(this.seen.webhook).map((hook) => ({
        date,
        channel: 'webhook' as const,
        id: hook.id,
        address: hook.path,
        subject: String(hook.payload.data.subject),
        ack: ackPathIn(String(hook.payload.data.text)),
      })),
    ];
    this.seen = { email: this.smtp.messages.length, webhook: this.hooks.received.length };
    this.received.push(...fresh);
    return fresh;
  }

  async stop(): Promise<void> {
    await Promise.all([this.smtp.stop(), this.hooks.stop()]);
  }
}

const officer = { roles: ['handlaggare' as Role], tenant: TENANT, sub: 'john.fristedt' };

async function deliveriesOf(api: TestApi, caseId: string): Promise<Map<string, DeliveryView>> {
  const response = await api
    .http()
    .get(`/notifications?caseId=${caseId}&limit=500`)
    .set(await bearer(officer))
    .expect(200);
  return new Map((response.body.items as DeliveryView[]).map((d) => [d.id, d]));
}

/** Something done on a date between the case's commands, e.g. a person's erasure. */
interface Interlude {
  readonly now: string;
  readonly run: () => Promise<void>;
}

/**
 * Runs the agreement: before each official step (and after the last), every timer and every
 * escalation due by then fires, at its own moment, and the delivery worker sends what is due to
 * the receivers; the officials acknowledge the reminders that reach them (but see UNANSWERED).
 */
async function simulate(api: TestApi, receivers: Receivers, steps: readonly (Command | Interlude)[], until: string) {
  const scheduler = api.app.get(DeadlineScheduler);
  const timers = api.app.get(TimersProjection);
  const worker = api.app.get<ReturnType<typeof notificationParts>>(NOTIFICATION_PARTS).worker;
  let caseId = '';
  const deliver = async () => {
    await worker.runOnce();
    const fresh = receivers.collect(api.clock.now());
    if (fresh.length === 0) return;
    const deliveries = await deliveriesOf(api, caseId);
    for (const { id, ack } of fresh) {
      const delivery = deliveries.get(id);
      if (delivery?.occasion !== 'reminder' || UNANSWERED.has(delivery.deadline.kind) || delivery.recipient === 'organisationContact') continue;
      // As the official would: by the link in the text they received.
      expect(ack).toBe(`/notifications/${id}/ack`);
      await api
        .http()
        .post(ack!)
        .set(await bearer({ tenant: TENANT, ...ACKNOWLEDGERS[delivery.recipient] }))
        .expect(200);
    }
  };
  const nextMoment = async () => {
    const { rows } = await api.db.pool.query<{ at: Date | null }>('SELECT min(escalate_at) AS at FROM notification_deliveries WHERE escalate_at IS NOT NULL');
    const moments = [await scheduler.nextDueAt(), rows[0].at].filter((at): at is Date => at !== null);
    return moments.length > 0 ? new Date(Math.min(...moments.map((at) => at.getTime()))) : null;
  };
  const fireUntil = async (moment: Date) => {
    for (let next = await nextMoment(); next && next <= moment; next = await nextMoment()) {
      // A timer already due when it was made fires at once (the clock never goes back).
      if (next > api.clock.now()) api.clock.set(next);
      const first = await scheduler.runDue();
      expect(await scheduler.runDue()).toMatchObject({ fired: 0 }); // nothing fires twice
      expect(first.failed).toBe(0);
      await timers.refresh(TENANT, caseId);
      await deliver();
    }
    api.clock.set(moment);
  };
  for (const step of steps) {
    if ('run' in step) {
      await fireUntil(new Date(step.now));
      await step.run();
      continue;
    }
    const { type, date, role, body } = seedRequest(step);
    if (caseId) await fireUntil(new Date(`${date}T12:00:00Z`));
    api.on(date);
    const headers = await bearer({ roles: [role], tenant: TENANT, ...(role === 'organisation' && { org: applicantOf(linkoping.submit) }) });
    const request = type === 'submit-application' ? { ...body, contactPerson: CONTACT } : body;
    const response = await api.http().post(commandPath(caseId, type)).set(headers).send(request);
    if (response.status >= 300) throw new Error(`${type} on ${date}: ${response.status} ${JSON.stringify(response.body)}`);
    caseId ||= response.body.id;
    await timers.refresh(TENANT, caseId);
  }
  await fireUntil(new Date(`${until}T12:00:00Z`));
  await deliver();
  const { rows: intents } = await api.db.pool.query<{ intent: { firedAt: string; deadline: { kind: string }; occasion: string; recipient: string } }>(
    `SELECT intent FROM notification_outbox WHERE case_id = $1 ORDER BY enqueued_at, intent->>'recipient'`,
    [caseId],
  );
  const notifications = intents
    .map(({ intent }) => [stockholmDate(intent.firedAt), intent.deadline.kind, intent.occasion, intent.recipient] as const)
    .sort(byDateKindRecipient)
    .map((row) => row.join(' '));
  return { caseId, notifications, received: await receivedTable(api, receivers, caseId) };
}

const ORDER = ['officer', 'manager', 'boardSecretary', 'organisationContact'];
const byDateKindRecipient = (a: readonly string[], b: readonly string[]) =>
  a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || ORDER.indexOf(a[3]) - ORDER.indexOf(b[3]);

/**
 * The received notifications as table rows, after checking that each delivery of the case reached
 * its receiver exactly once (by webhook-id and Message-ID), signed, in Swedish, with the case's
 * diarienummer, and that the contact person's address is nowhere in the notification tables.
 */
async function receivedTable(api: TestApi, receivers: Receivers, caseId: string): Promise<string[]> {
  const deliveries = await deliveriesOf(api, caseId);
  const ids = receivers.received.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  const sent = [...deliveries.values()].filter((d) => d.status !== 'skipped');
  expect(new Set(ids)).toEqual(new Set(sent.map((d) => d.id)));
  expect(sent.filter((d) => d.status !== 'delivered')).toEqual([]);
  expect(receivers.hooks.rejectedSignatures).toEqual([]);
  for (const { id } of receivers.received.filter((r) => r.channel === 'webhook')) expect(receivers.hooks.attemptsOf(id)).toBe(1);

  const { diarienummer } = (
    await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(officer))
  ).body;
  expect(diarienummer).toMatch(/^SON \d{4}/);
  for (const { id, subject } of receivers.received) {
    // Registration is due the day the application arrives, before the case has its number.
    const number = deliveries.get(id)?.deadline.kind === 'registration' ? 'ej diariefört' : diarienummer;
    expect(subject).toMatch(new RegExp(`^(Påminnelse|I dag|Genomfört): .+ – ${number}, Brottsofferjouren i Linköping$`));
  }

  // Deliveries to the contact person record who, not where: the address is read from the case when sending.
  expect([...deliveries.values()].filter((d) => d.recipient === 'organisationContact').map((d) => d.address)).not.toContain(CONTACT.email);
  const { rows } = await api.db.pool.query(
    `SELECT d.id FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id WHERE d.address ILIKE $1 OR o.intent::text ILIKE $1 OR coalesce(d.last_error, '') ILIKE $1`,
    [`%${CONTACT.email}%`],
  );
  expect(rows).toEqual([]);

  return receivers.received
    .map((r) => {
      const d = deliveries.get(r.id)!;
      return [r.date, d.deadline.kind, d.rung > 0 ? 'escalated' : d.occasion, d.recipient, r.channel, r.address] as const;
    })
    .sort((a, b) => byDateKindRecipient(a, b) || a[4].localeCompare(b[4]))
    .map((row) => row.join(' '));
}

describe('Deadline simulation: Linköping 2023–2025 under a fake clock', () => {
  let api: TestApi;
  let receivers: Receivers;
  beforeEach(async () => {
    receivers = new Receivers();
    api = await TestApi.start(await receivers.start());
  });
  afterEach(async () => {
    await api.stop();
    await receivers.stop();
  });

  it('from application to expiry: each notification once, and the engine records the decision final and the expiry', async () => {
    const { caseId, notifications, received } = await simulate(api, receivers, officials, '2026-02-01');
    expect(notifications).toEqual(rows(EXPECTED));
    expect(received).toEqual(rows(RECEIVED));
    // Each reminder acknowledged by the one it reached, when it arrived; the ladder's three rungs by nobody.
    const reminders = [...(await deliveriesOf(api, caseId)).values()].filter((d) => d.occasion === 'reminder');
    for (const d of reminders) {
      const expected = UNANSWERED.has(d.deadline.kind)
        ? { acknowledgedBy: null }
        : { acknowledgedBy: ACKNOWLEDGERS[d.recipient as 'officer'].sub, acknowledgedAt: d.deliveredAt };
      expect({ kind: d.deadline.kind, ...d }).toMatchObject(expected);
    }
    expect(
      reminders
        .filter((d) => d.acknowledgedBy === null)
        .map((d) => `${d.recipient} ${d.rung}`)
        .sort(),
    ).toEqual(['boardSecretary 2', 'manager 1', 'officer 0']);

    const history = await api
      .http()
      .get(`/cases/${caseId}/history`)
      .set(await bearer({ roles: ['auditor'], tenant: TENANT }));
    const byEngine = history.body.events
      .filter((e: { actor: { name: string } }) => e.actor.name === 'Systemet')
      .map((e: { type: string; recordedAt: string }) => `${e.type} ${e.recordedAt}`);
    // 08:00 in Stockholm: CET in December and January.
    expect(byEngine).toEqual(['DecisionBecameFinal 2022-12-07T07:00:00.000Z', 'AgreementExpired 2026-01-01T07:00:00.000Z']);
    const view = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(officer));
    expect(view.body.facts.closed).toEqual({ as: 'expired', on: '2025-12-31' });
  });

  it('after the contact person is erased, the organisation is told nothing more, and the address is nowhere', async () => {
    const admin = { roles: ['admin' as Role], tenant: TENANT };
    const erasure: Interlude = {
      now: '2025-09-15T12:00:00Z',
      run: async () =>
        void (await api
          .http()
          .post('/data-subjects/erasures')
          .set(await bearer(admin))
          .send({ email: CONTACT.email })
          .expect(201)),
    };
    const steps = [...officials, erasure].sort((a, b) => a.now.localeCompare(b.now));
    const { caseId, notifications, received } = await simulate(api, receivers, steps, '2026-02-01');
    // The engine still records that the organisation was to be told, and the received table is the same but for that row.
    expect(notifications).toEqual(rows(EXPECTED));
    expect(received).toEqual(rows(RECEIVED).filter((row) => !row.includes('organisationContact')));
    expect(receivers.smtp.to(CONTACT.email)).toEqual([]);
    const skipped = [...(await deliveriesOf(api, caseId)).values()].filter((d) => d.status === 'skipped');
    expect(skipped).toMatchObject([{ recipient: 'organisationContact', deadline: { kind: 'period-ends' }, channel: 'none', address: '' }]);
  });

  it('with written notice mid-period: terminated when the notice has run, later reminders cancelled', async () => {
    const steps = [...officials.filter((c) => c.now < '2025-09-30'), linkoping.notice].sort((a, b) => a.now.localeCompare(b.now));
    const { caseId, notifications, received } = await simulate(api, receivers, steps, '2026-02-01');
    expect(notifications).toEqual(rows(EXPECTED_WITH_NOTICE));
    expect(received).toEqual(rows(RECEIVED_WITH_NOTICE));

    const view = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(officer));
    // Notice received 2025-03-31 + 6 calendar months: in force up to and including 2025-09-30.
    expect(view.body.facts.closed).toEqual({ as: 'terminated', on: '2025-09-30' });
    const history = await api
      .http()
      .get(`/cases/${caseId}/history`)
      .set(await bearer({ roles: ['auditor'], tenant: TENANT }));
    const terminated = history.body.events.find((e: { type: string }) => e.type === 'AgreementTerminated');
    // The morning after, 08:00 in Stockholm (summer time), by the engine.
    expect(terminated).toMatchObject({ recordedAt: '2025-10-01T06:00:00.000Z', actor: { name: 'Systemet' } });
    const { rows: cancelled } = await api.db.pool.query<{ key: string }>(
      `SELECT key FROM timers WHERE case_id = $1 AND status = 'cancelled' AND (key LIKE 'renewal-reminder%' OR key LIKE 'last-day%' OR key LIKE 'period-ends%') ORDER BY timers.key`,
      [caseId],
    );
    expect(cancelled.map((r) => r.key)).toEqual([
      'last-day-to-give-notice/due',
      'period-ends/act',
      'renewal-reminder:30/reminder',
      'renewal-reminder:60/reminder',
      'renewal-reminder:7/reminder',
    ]);
  });
});
