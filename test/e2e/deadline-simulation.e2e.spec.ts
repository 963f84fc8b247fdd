/**
 * Linköping's three-year agreement (2023-01-01..2025-12-31, six months' notice, paid each January,
 * operational and strategic meetings twice a year, report back in Q1 of 2025) from application to
 * expiry, under a fake clock moved from timer to timer and step to step. The officials do what
 * the seed and the table below say; the engine does the rest: the decision's legal force, the
 * reminders and notices, and the end. Every notification intent is asserted, each exactly once.
 */
import { DeadlineScheduler } from '../../src/deadlines/scheduler';
import { TimersProjection } from '../../src/deadlines/timers/timers.projection';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import { command, linkoping } from '../../src/demo/seed-cases';
import type { Command } from '../../src/lifecycle';
import { stockholmDate } from '../../src/lifecycle/calendar-date';
import { bearer, TestApi } from '../support/api';
import { commandPath } from '../support/seed-walk';

jest.setTimeout(120_000);

const TENANT = 'linkoping';

const meeting = (forum: 'operational' | 'strategic', heldOn: string) =>
  command('record-meeting', heldOn, { forum, heldOn, convener: forum === 'operational' ? 'Leanlink/Stödcentrum' : 'Social- och omsorgsförvaltningen', minutesRef: null });

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
  command('submit-annual-report', '2025-02-14', { year: 2024, volunteerHours: 1_480, fundsUsed: 491_560, submittedOn: '2025-02-14' }),
  command('record-evaluation', '2025-03-05', { year: 2024, evaluatedOn: '2025-03-05', fundsUsedAsIntended: true, summary: 'Verksamheten motsvarar överenskommelsen.' }),
  meeting('operational', '2025-04-09'),
  meeting('strategic', '2025-05-14'),
  meeting('operational', '2025-10-08'),
  meeting('strategic', '2025-11-12'),
].sort((a, b) => a.now.localeCompare(b.now));

/**
 * The notifications of the whole agreement: date (Stockholm), deadline kind, occasion, recipient.
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
  2025-01-17  yearly-payment           reminder  officer
  2025-03-01  report-back              reminder  officer
  2025-03-01  report-back              reminder  manager
  2025-03-02  renewal-reminder         reminder  officer
  2025-03-02  renewal-reminder         reminder  manager
  2025-10-01  notice-takes-effect      acted     officer
  2025-10-01  notice-takes-effect      acted     manager
  2025-10-01  notice-takes-effect      acted     organisationContact
`;

const rows = (table: string) => table.trim().split('\n').map((line) => line.trim().split(/\s+/).join(' '));

/** Runs the agreement: before each official step (and after the last), every timer due by then fires, at its own moment. */
async function simulate(api: TestApi, steps: readonly Command[], until: string) {
  const scheduler = api.app.get(DeadlineScheduler);
  const timers = api.app.get(TimersProjection);
  let caseId = '';
  const fireUntil = async (moment: Date) => {
    for (let next = await scheduler.nextDueAt(); next && next <= moment; next = await scheduler.nextDueAt()) {
      // A timer already due when it was made fires at once (the clock never goes back).
      if (next > api.clock.now()) api.clock.set(next);
      const first = await scheduler.runDue();
      expect(await scheduler.runDue()).toMatchObject({ fired: 0 }); // nothing fires twice
      expect(first.failed).toBe(0);
      await timers.refresh(TENANT, caseId);
    }
    api.clock.set(moment);
  };
  for (const step of steps) {
    const { type, date, role, body } = seedRequest(step);
    if (caseId) await fireUntil(new Date(`${date}T12:00:00Z`));
    api.on(date);
    const headers = await bearer({ roles: [role], tenant: TENANT, ...(role === 'organisation' && { org: applicantOf(linkoping.submit) }) });
    const response = await api.http().post(commandPath(caseId, type)).set(headers).send(body);
    if (response.status >= 300) throw new Error(`${type} on ${date}: ${response.status} ${JSON.stringify(response.body)}`);
    caseId ||= response.body.id;
    await timers.refresh(TENANT, caseId);
  }
  await fireUntil(new Date(`${until}T12:00:00Z`));
  const { rows: intents } = await api.db.pool.query<{ intent: { firedAt: string; deadline: { kind: string }; occasion: string; recipient: string } }>(
    `SELECT intent FROM notification_outbox WHERE case_id = $1 ORDER BY enqueued_at, intent->>'recipient'`,
    [caseId],
  );
  const order = ['officer', 'manager', 'boardSecretary', 'organisationContact'];
  const notifications = intents
    .map(({ intent }) => [stockholmDate(intent.firedAt), intent.deadline.kind, intent.occasion, intent.recipient] as const)
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || order.indexOf(a[3]) - order.indexOf(b[3]))
    .map((row) => row.join(' '));
  return { caseId, notifications };
}

describe('Deadline simulation: Linköping 2023–2025 under a fake clock', () => {
  let api: TestApi;
  beforeEach(async () => (api = await TestApi.start()));
  afterEach(() => api.stop());

  const officer = { roles: ['handlaggare' as const], tenant: TENANT };

  it('from application to expiry: each notification once, and the engine records the decision final and the expiry', async () => {
    const { caseId, notifications } = await simulate(api, officials, '2026-02-01');
    expect(notifications).toEqual(rows(EXPECTED));

    const history = await api.http().get(`/cases/${caseId}/history`).set(await bearer({ roles: ['auditor'], tenant: TENANT }));
    const byEngine = history.body.events
      .filter((e: { actor: { name: string } }) => e.actor.name === 'Systemet')
      .map((e: { type: string; recordedAt: string }) => `${e.type} ${e.recordedAt}`);
    // 08:00 in Stockholm: CET in December and January.
    expect(byEngine).toEqual(['DecisionBecameFinal 2022-12-07T07:00:00.000Z', 'AgreementExpired 2026-01-01T07:00:00.000Z']);
    const view = await api.http().get(`/cases/${caseId}`).set(await bearer(officer));
    expect(view.body.facts.closed).toEqual({ as: 'expired', on: '2025-12-31' });
  });

  it('with written notice mid-period: terminated when the notice has run, later reminders cancelled', async () => {
    const steps = [...officials.filter((c) => c.now < '2025-09-30'), linkoping.notice].sort((a, b) => a.now.localeCompare(b.now));
    const { caseId, notifications } = await simulate(api, steps, '2026-02-01');
    expect(notifications).toEqual(rows(EXPECTED_WITH_NOTICE));

    const view = await api.http().get(`/cases/${caseId}`).set(await bearer(officer));
    // Notice received 2025-03-31 + 6 calendar months: in force up to and including 2025-09-30.
    expect(view.body.facts.closed).toEqual({ as: 'terminated', on: '2025-09-30' });
    const history = await api.http().get(`/cases/${caseId}/history`).set(await bearer({ roles: ['auditor'], tenant: TENANT }));
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
