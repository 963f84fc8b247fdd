import { describe, expect, it } from '@jest/globals';
import { SwedishCalendar } from '../calendar';
import {
  annualReportAndEvaluation,
  appealWindow,
  followUpMeetings,
  lastDayToGiveNotice,
  noticeTakesEffect,
  periodEnds,
  posting,
  protocolJustering,
  registration,
  renewalReminders,
  reportBack,
  signingPending,
  paymentsDue,
} from './deadline-rules';
import { paymentPlan, seriesLookup } from '../lifecycle/payment-plan';
import type { DateRange, Terms } from '../lifecycle/case.values';
import { kronor, ore, type Ore } from '../money';

const calendar = new SwedishCalendar();
const linkoping = { start: '2023-01-01', end: '2025-12-31' };
const dates = (deadlines: { date: string }[]) => deadlines.map((d) => d.date);

describe('appeal window (KL 13:5, Lag (1930:173))', () => {
  it('ends three weeks after the posting on a working day, final the day after', () => {
    const [ends, final] = appealWindow('2024-03-04', calendar);
    expect(ends).toEqual({
      kind: 'appeal-window-ends',
      key: 'appeal-window-ends',
      rule: 'kl-13-5-appeal-window',
      date: '2024-03-25',
      explanation: { sv: 'anslaget 2024-03-04 + 3 veckor = 2024-03-25', en: 'the posting 2024-03-04 + 3 weeks = 2024-03-25' },
    });
    expect(final).toMatchObject({ kind: 'decision-final', date: '2024-03-26' });
    expect(final.explanation.sv).toContain('2024-03-25');
  });

  it('ending on långfredagen moves past the whole of Easter, naming each day', () => {
    const [ends, final] = appealWindow('2024-03-08', calendar);
    expect([ends.date, final.date]).toEqual(['2024-04-02', '2024-04-03']);
    expect(ends.explanation.sv).toBe(
      'anslaget 2024-03-08 + 3 veckor = 2024-03-29; flyttas till nästa vardag 2024-04-02 enligt lag (1930:173) om beräkning av lagstadgad tid ' +
        'eftersom 2024-03-29 (långfredagen), 2024-03-30 (lördag), 2024-03-31 (påskdagen, söndag) och 2024-04-01 (annandag påsk) inte är vardagar',
    );
    expect(ends.explanation.en).toContain('2024-03-29 (Good Friday)');
    expect(ends.explanation.en).toContain('are not working days');
  });

  it.each([
    ['annandag påsk', '2025-03-31', '2025-04-22', 'annandag påsk'],
    ['Kristi himmelsfärdsdag', '2025-05-08', '2025-05-30', 'Kristi himmelsfärdsdag'],
    ['midsommarafton', '2025-05-30', '2025-06-23', 'midsommarafton'],
    ['julafton', '2024-12-03', '2024-12-27', 'julafton'],
    ['juldagen', '2024-12-04', '2024-12-27', 'juldagen'],
    ['annandag jul', '2024-12-05', '2024-12-27', 'annandag jul'],
    ['nyårsafton', '2025-12-10', '2026-01-02', 'nyårsafton'],
    ['nyårsdagen', '2024-12-11', '2025-01-02', 'nyårsdagen'],
    ['a Saturday', '2025-06-07', '2025-06-30', 'lördag'],
  ])('ending on %s moves to the next working day', (_, postedOn, expected, reason) => {
    const [ends] = appealWindow(postedOn, calendar);
    expect(ends.date).toBe(expected);
    expect(ends.explanation.sv).toContain(`(${reason}`);
    expect(ends.explanation.sv).toContain('lag (1930:173)');
  });

  it('ending on midsommardagen (a Saturday) names both reasons', () => {
    const [ends] = appealWindow('2025-05-31', calendar);
    expect(ends.date).toBe('2025-06-23');
    expect(ends.explanation.sv).toContain('2025-06-21 (midsommardagen, lördag) och 2025-06-22 (söndag) inte är vardagar');
  });

  it('counts across a leap day and does not move a working leap day', () => {
    expect(appealWindow('2024-02-08', calendar)[0].date).toBe('2024-02-29');
    expect(appealWindow('2024-02-20', calendar)[0].date).toBe('2024-03-12');
    expect(appealWindow('2023-02-20', calendar)[0].date).toBe('2023-03-13');
  });

  it('closes 2022-12-06 for Linköping (posted 2022-11-15), final 2022-12-07', () => {
    expect(dates(appealWindow('2022-11-15', calendar))).toEqual(['2022-12-06', '2022-12-07']);
  });
});

describe('registration', () => {
  it('is the day received when that is a working day', () => {
    expect(registration('2022-09-01', calendar)).toMatchObject({ date: '2022-09-01', explanation: { sv: 'inkommen 2022-09-01, registreras samma dag' } });
  });

  it('is the next working day otherwise, with the reason but no statute', () => {
    const due = registration('2025-06-20', calendar);
    expect(due.date).toBe('2025-06-23');
    expect(due.explanation.sv).toContain('2025-06-20 (midsommarafton)');
    expect(due.explanation.sv).not.toContain('1930:173');
  });
});

describe('protocol justering (KL 6:35) and posting (KL 8:12)', () => {
  it('justering is 14 days after the meeting', () => {
    expect(protocolJustering('2022-11-09', calendar)).toMatchObject({ date: '2022-11-23', rule: 'kl-6-35-justering' });
    expect(protocolJustering('2022-11-09', calendar).explanation.sv).toBe('sammanträdet 2022-11-09 + 2 veckor = 2022-11-23');
  });

  it('justering due on annandag jul moves to the next working day', () => {
    const due = protocolJustering('2024-12-12', calendar);
    expect(due.date).toBe('2024-12-27');
    expect(due.explanation.en).toContain('2024-12-26 (Boxing Day) is not a working day');
  });

  it('posting is 2 days after justering, moved off nyårsafton and nyårsdagen', () => {
    expect(posting('2022-11-14', calendar)).toMatchObject({ date: '2022-11-16', explanation: { sv: 'justeringen 2022-11-14 + 2 dagar = 2022-11-16' } });
    const due = posting('2025-12-29', calendar);
    expect(due.date).toBe('2026-01-02');
    expect(due.explanation.sv).toContain('2025-12-31 (nyårsafton) och 2026-01-01 (nyårsdagen)');
  });

  it('posting due on långfredagen moves past Easter', () => {
    expect(posting('2024-03-27', calendar).date).toBe('2024-04-02');
  });
});

describe('signing pending', () => {
  it('reminds N days after laga kraft, on that day even if it is a holiday', () => {
    expect(signingPending('2022-12-07', 30, calendar)).toMatchObject({ date: '2023-01-06', key: 'signing-pending' });
    expect(signingPending('2022-12-07', 14, calendar).date).toBe('2022-12-21');
  });
});

describe('yearly payment: the payment plan’s lines still owed', () => {
  const terms = (period = linkoping, paymentSchedule: Terms['paymentSchedule'] = 'yearly-in-january'): Terms => ({
    fundingLines: [{ id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: kronor(472_200), indexation: null }],
    period,
    noticeMonths: 6,
    paymentSchedule,
    exclusions: [],
  });
  const paid = (y: number, amount: Ore) => ({ amount, paidOn: `${y}-01-20`, covers: { start: `${y}-01-01`, end: `${y}-12-31` }, reference: null });
  const due = (agreedTerms: Terms, payments: ReturnType<typeof paid>[] = []) => paymentsDue(paymentPlan({ agreedTerms, amendments: [], payments }));

  it('is due 31 January each year of the Linköping period, with what is owed', () => {
    const deadlines = due(terms());
    expect(deadlines.map((d) => [d.key, d.date])).toEqual([
      ['yearly-payment:2023', '2023-01-31'],
      ['yearly-payment:2024', '2024-01-31'],
      ['yearly-payment:2025', '2025-01-31'],
    ]);
    expect(deadlines[0].explanation.en).toBe('the payment for 2023, by 31 January as agreed: planned 472,200.00 kr − paid 0.00 kr = 472,200.00 kr outstanding');
  });

  it('drops years paid in full, keeps a year paid in part', () => {
    expect(dates(due(terms(), [paid(2023, kronor(472_200))]))).toEqual(['2024-01-31', '2025-01-31']);
    const [partly] = due(terms(), [paid(2023, kronor(400_000))]);
    expect(partly.explanation.sv.replaceAll('\u00a0', ' ')).toContain('planerat 472 200,00 kr − betalt 400 000,00 kr = 72 200,00 kr kvar');
  });

  it('is due when a period starting after 31 January starts', () => {
    const [first, second] = due(terms({ start: '2023-08-31', end: '2024-08-30' }));
    expect([first.date, second.date]).toEqual(['2023-08-31', '2024-01-31']);
    expect(first.explanation.en).toContain('after 31 January');
  });

  it('an index value revised after the year was paid: an adjustment deadline until the difference is settled, either way', () => {
    const indexed = {
      ...terms(),
      fundingLines: [
        { id: 'bidrag', label: 'Bidrag', kind: 'fixed' as const, amountPerYear: kronor(472_200), indexation: { index: 'OPI', from: '2025-01-01' } },
      ],
    };
    const opi = (basisPoints: number) => ({
      code: 'OPI',
      name: 'Omsorgsprisindex',
      values: [
        { year: 2025, basisPoints: 320, status: 'forecast' as const, publishedOn: '2024-12-10', version: 1 },
        { year: 2025, basisPoints, status: 'final' as const, publishedOn: '2025-04-30', version: 2 },
      ],
    });
    const payments = [paid(2023, kronor(472_200)), paid(2024, kronor(472_200)), paid(2025, ore(48_731_040))]; // 472 200 × 1,032
    const plan = (basisPoints: number, extra: ReturnType<typeof paid>[] = []) =>
      paymentsDue(paymentPlan({ agreedTerms: indexed, amendments: [], payments: [...payments, ...extra] }, seriesLookup([opi(basisPoints)])));
    const [up] = plan(350);
    expect(up).toMatchObject({ kind: 'payment-adjustment', key: 'payment-adjustment:2025:bidrag', date: '2025-05-30' });
    expect(up.explanation.en).toMatch(
      /^additional payment for 2025 \(Bidrag\), 30 days after the revision: OPI revised after the payment of 2025-01-20: 488,727.00 kr with the values now − 487,310.40 kr with the values then = 1,416.60 kr to pay/,
    );
    expect(plan(350, [paid(2025, ore(141_660))])).toEqual([]); // 472 200 × 0,3 % = 1 416,60
    expect(plan(300)[0].explanation.sv).toMatch(/^återkrav för 2025/);
  });

  it('has no date when paid on invoice', () => {
    expect(due(terms(linkoping, 'on-invoice'))).toEqual([]);
  });
});

describe('follow-up meetings', () => {
  it('asks each forum for a meeting every half-year, clipped to the period', () => {
    const due = followUpMeetings({ start: '2023-03-01', end: '2024-02-29' }, ['strategic'], []);
    expect(due.map((d) => [d.key, d.date])).toEqual([
      ['follow-up-meeting:strategic:2023-H1', '2023-06-30'],
      ['follow-up-meeting:strategic:2023-H2', '2023-12-31'],
      ['follow-up-meeting:strategic:2024-H1', '2024-02-29'],
    ]);
    expect(due[0].explanation.sv).toBe('inget strategiskt samverkansmöte hållet 2023-03-01–2023-06-30; minst ett per halvår');
  });

  it('drops half-years in which that forum met', () => {
    const held = [{ forum: 'operational' as const, heldOn: '2023-04-12', convener: 'Leanlink', minutesRef: null }];
    const due = followUpMeetings(linkoping, ['operational', 'strategic'], held);
    expect(due).toHaveLength(11);
    expect(due.map((d) => d.key)).not.toContain('follow-up-meeting:operational:2023-H1');
    expect(due.map((d) => d.key)).toContain('follow-up-meeting:strategic:2023-H1');
  });
});

describe('yearly report and evaluation', () => {
  it('are due some months after each calendar year of the period', () => {
    const due = annualReportAndEvaluation(linkoping, 3, { reports: [], evaluations: [] }, calendar);
    expect(due.map((d) => [d.key, d.date])).toEqual([
      ['annual-report:2023', '2024-03-31'],
      ['evaluation:2023', '2024-03-31'],
      ['annual-report:2024', '2025-03-31'],
      ['evaluation:2024', '2025-03-31'],
      ['annual-report:2025', '2026-03-31'],
      ['evaluation:2025', '2026-03-31'],
    ]);
    expect(due[0].explanation.sv).toBe('årsrapport för 2023: 2023-12-31 + 3 månader = 2024-03-31');
  });

  it('count calendar months from a period ending on 31 August, in leap years too', () => {
    const lastOf = (end: string) =>
      annualReportAndEvaluation({ start: `${end.slice(0, 4)}-01-01`, end }, 6, { reports: [], evaluations: [] }, calendar)[0].date;
    expect(lastOf('2025-08-31')).toBe('2026-02-28');
    expect(lastOf('2023-08-31')).toBe('2024-02-29');
  });

  it('drop what was already submitted', () => {
    const done = {
      reports: [{ year: 2023, volunteerHours: 1_512, fundsUsed: kronor(472_200), submittedOn: '2024-02-15' }],
      evaluations: [],
    };
    expect(annualReportAndEvaluation(linkoping, 3, done, calendar).map((d) => d.key)).not.toContain('annual-report:2023');
    expect(annualReportAndEvaluation(linkoping, 3, done, calendar).map((d) => d.key)).toContain('evaluation:2023');
  });
});

describe('report back to the board', () => {
  it('is due by 31 March of the final year (Linköping: 2025-03-31)', () => {
    expect(reportBack(linkoping)).toMatchObject({ date: '2025-03-31', rule: 'report-back-q1-final-year' });
  });
});

describe('notice', () => {
  it('can last be given six months before the end (Linköping: 2025-06-30)', () => {
    expect(lastDayToGiveNotice(linkoping, 6)).toMatchObject({
      date: '2025-06-30',
      explanation: { sv: 'periodens slut 2025-12-31 − 6 månaders uppsägningstid = 2025-06-30' },
    });
  });

  it('is not moved off a weekend: it is a contractual day, not a statutory period', () => {
    // 2020-03-22 is a Sunday; moving it later would let notice end the agreement after the period.
    expect(lastDayToGiveNotice({ start: '2018-01-01', end: '2020-09-22' }, 6).date).toBe('2020-03-22');
  });

  it('takes effect after whole calendar months, month ends and leap years included', () => {
    expect(noticeTakesEffect('2025-03-31', 6).date).toBe('2025-09-30');
    expect(noticeTakesEffect('2025-08-31', 6).date).toBe('2026-02-28');
    expect(noticeTakesEffect('2023-08-31', 6)).toMatchObject({
      date: '2024-02-29',
      explanation: { en: 'notice received 2023-08-31 + 6 calendar months = 2024-02-29' },
    });
  });
});

describe('renewal reminders', () => {
  it('fall the configured days before the last day to give notice', () => {
    const due = renewalReminders(linkoping, 6, [120, 60, 30, 7], calendar);
    expect(due.map((d) => [d.key, d.date])).toEqual([
      ['renewal-reminder:120', '2025-03-02'],
      ['renewal-reminder:60', '2025-05-01'],
      ['renewal-reminder:30', '2025-05-31'],
      ['renewal-reminder:7', '2025-06-23'],
    ]);
    expect(due[3].explanation.sv).toBe('sista dag att säga upp 2025-06-30 − 7 dagar = 2025-06-23; dags att besluta om förlängning');
  });
});

describe('period end', () => {
  it('is the last day of the period', () => {
    expect(periodEnds(linkoping)).toMatchObject({ kind: 'period-ends', date: '2025-12-31' });
  });
});

/**
 * Every rule around the days that move statutory periods (Easter, Kristi himmelsfärd, midsommar,
 * Christmas, New Year), at month ends and in leap years: statutory periods move to the next
 * working day under Lag (1930:173); contractual days and reminders stay where they fall.
 */
describe('each rule around holidays, month ends and leap years', () => {
  it.each([
    ['långfredagen', '2024-03-29', '2024-04-02'],
    ['Kristi himmelsfärdsdag', '2024-05-09', '2024-05-10'],
    ['midsommarafton', '2024-06-21', '2024-06-24'],
    ['julafton', '2024-12-24', '2024-12-27'],
    ['nyårsafton', '2024-12-31', '2025-01-02'],
  ])('registration: received on %s (%s) is registered %s', (why, receivedOn, expected) => {
    const due = registration(receivedOn, calendar);
    expect(due.date).toBe(expected);
    expect(due.explanation.sv).toContain(`${receivedOn} (${why})`);
  });

  it('registration: a leap day on a weekday is a working day', () => {
    expect(registration('2024-02-29', calendar).date).toBe('2024-02-29');
  });

  it.each([
    ['Easter', '2024-03-15', '2024-04-02'],
    ['Kristi himmelsfärd', '2024-04-25', '2024-05-10'],
    ['midsommar', '2024-06-07', '2024-06-24'],
    ['Christmas', '2024-12-10', '2024-12-27'],
    ['New Year', '2024-12-17', '2025-01-02'],
    ['a leap day', '2024-02-15', '2024-02-29'],
    ['the end of a February without a leap day', '2023-02-15', '2023-03-01'],
  ])('protocol justering: a meeting 14 days before %s (%s) is justerat by %s', (_, meetingDate, expected) => {
    const due = protocolJustering(meetingDate, calendar);
    expect(due.date).toBe(expected);
    if (due.date !== calendar.addDays(meetingDate, 14)) expect(due.explanation.sv).toContain('lag (1930:173)');
  });

  it.each([
    ['Easter', '2025-04-16', '2025-04-22'],
    ['Kristi himmelsfärd', '2025-05-27', '2025-05-30'],
    ['midsommar', '2025-06-18', '2025-06-23'],
    ['Christmas (and the weekend after it)', '2025-12-22', '2025-12-29'],
    ['New Year', '2024-12-29', '2025-01-02'],
    ['a leap day', '2024-02-27', '2024-02-29'],
    ['the end of a February without a leap day', '2023-02-27', '2023-03-01'],
  ])('posting: justerat 2 days before %s (%s) is posted by %s', (_, justeradOn, expected) => {
    expect(posting(justeradOn, calendar).date).toBe(expected);
  });

  it('posting moved past Christmas names every day passed over', () => {
    expect(posting('2025-12-22', calendar).explanation.en).toBe(
      'the justering 2025-12-22 + 2 days = 2025-12-24; moved to the next working day 2025-12-29 under Lag (1930:173) on computing statutory periods ' +
        'because 2025-12-24 (Christmas Eve), 2025-12-25 (Christmas Day), 2025-12-26 (Boxing Day), 2025-12-27 (Saturday) and 2025-12-28 (Sunday) are not working days',
    );
  });

  it('appeal window: three weeks across a leap day, and across New Year into the next year', () => {
    expect(dates(appealWindow('2024-02-09', calendar))).toEqual(['2024-03-01', '2024-03-02']);
    expect(dates(appealWindow('2024-12-17', calendar))).toEqual(['2025-01-07', '2025-01-08']);
    // 2025-01-06 is trettondedag jul: 2024-12-16 + 3 weeks ends there and moves a day.
    expect(appealWindow('2024-12-16', calendar)[0]).toMatchObject({ date: '2025-01-07' });
    expect(appealWindow('2024-12-16', calendar)[0].explanation.sv).toContain('2025-01-06 (trettondedag jul)');
  });

  it('signing pending: a reminder on julafton or a leap day stays there', () => {
    expect(signingPending('2024-12-10', 14, calendar).date).toBe('2024-12-24');
    expect(signingPending('2024-02-15', 14, calendar).date).toBe('2024-02-29');
  });

  it('yearly payment: 31 January on a Saturday stays (contractual); a period starting on a leap day pays then', () => {
    const due = (period: DateRange) =>
      paymentsDue(
        paymentPlan({
          agreedTerms: {
            fundingLines: [{ id: 'b', label: 'B', kind: 'fixed', amountPerYear: kronor(1), indexation: null }],
            period,
            noticeMonths: 0,
            paymentSchedule: 'yearly-in-january',
            exclusions: [],
          },
          amendments: [],
          payments: [],
        }),
      );
    expect(dates(due({ start: '2025-06-01', end: '2026-12-31' }))).toEqual(['2025-06-01', '2026-01-31']);
    expect(dates(due({ start: '2024-02-29', end: '2025-02-28' }))).toEqual(['2024-02-29', '2025-01-31']);
  });

  it('follow-up meetings: a half-year ending on nyårsafton is due then, and a leap-year February end is kept', () => {
    const due = followUpMeetings({ start: '2025-07-01', end: '2026-02-28' }, ['operational'], []);
    expect(dates(due)).toEqual(['2025-12-31', '2026-02-28']);
  });

  it('yearly report: due on påskdagen 2024 stays (contractual), and from 31 August counts calendar months', () => {
    const due = annualReportAndEvaluation(linkoping, 3, { reports: [], evaluations: [] }, calendar);
    expect(due[0]).toMatchObject({ key: 'annual-report:2023', date: '2024-03-31' });
    const fromAugust = annualReportAndEvaluation({ start: '2024-09-01', end: '2025-08-31' }, 6, { reports: [], evaluations: [] }, calendar);
    expect(fromAugust.map((d) => [d.key, d.date])).toEqual([
      ['annual-report:2024', '2025-06-30'],
      ['evaluation:2024', '2025-06-30'],
      ['annual-report:2025', '2026-02-28'],
      ['evaluation:2025', '2026-02-28'],
    ]);
  });

  it('report back: 31 March of the final year even on påskdagen (2024), never outside the period', () => {
    expect(reportBack({ start: '2022-01-01', end: '2024-12-31' }).date).toBe('2024-03-31');
    const early = reportBack({ start: '2023-03-01', end: '2024-02-29' });
    expect(early.date).toBe('2024-02-29');
    expect(early.explanation.sv).toContain('2024-03-31 ligger utanför perioden 2023-03-01–2024-02-29');
    expect(reportBack({ start: '2025-06-01', end: '2025-12-31' }).date).toBe('2025-12-31');
  });

  it.each([
    ['a month end in a year without a leap day', '2026-02-28', 6, '2025-08-31'],
    ['a leap day', '2024-02-29', 6, '2023-08-31'],
    ['28 February of a leap year (not a month end)', '2024-02-28', 6, '2023-08-28'],
    ['30 June (back to nyårsafton, not moved)', '2025-06-30', 6, '2024-12-31'],
    ['30 September, nine months (Robertsfors terms)', '2020-09-30', 9, '2019-12-31'],
    ['julafton', '2025-12-24', 6, '2025-06-24'],
    ['20 December (back to midsommarafton, not moved)', '2025-12-20', 6, '2025-06-20'],
  ])('last day to give notice: a period ending on %s (%s, %i months) → %s', (_, end, months, expected) => {
    const due = lastDayToGiveNotice({ start: '2018-01-01', end }, months);
    expect(due.date).toBe(expected);
    expect(noticeTakesEffect(due.date, months).date <= end).toBe(true);
    expect(noticeTakesEffect(calendar.addDays(due.date, 1), months).date > end).toBe(true);
  });

  it('last day to give notice: from a month end the explanation shows the check', () => {
    expect(lastDayToGiveNotice({ start: '2023-03-01', end: '2026-02-28' }, 6).explanation).toEqual({
      sv: 'periodens slut 2026-02-28 − 6 månaders uppsägningstid = 2025-08-31 (månadens sista dag: uppsägning mottagen 2025-08-31 + 6 kalendermånader = 2026-02-28, periodens sista dag)',
      en: "period end 2026-02-28 − 6 months' notice = 2025-08-31 (the month's last day: notice received 2025-08-31 + 6 calendar months = 2026-02-28, the period's last day)",
    });
  });

  it('renewal reminders count back from the corrected last day', () => {
    expect(dates(renewalReminders({ start: '2023-03-01', end: '2026-02-28' }, 6, [7], calendar))).toEqual(['2025-08-24']);
  });

  it('notice takes effect: received on midsommarafton or a leap day, whole calendar months, not moved', () => {
    expect(noticeTakesEffect('2024-06-21', 6).date).toBe('2024-12-21');
    expect(noticeTakesEffect('2024-02-29', 12).date).toBe('2025-02-28');
    expect(noticeTakesEffect('2023-12-31', 2).date).toBe('2024-02-29');
  });

  it('period end on nyårsafton stays', () => {
    expect(periodEnds({ start: '2024-01-01', end: '2024-12-31' }).date).toBe('2024-12-31');
  });
});
