import { addMonths, onWorkingDay, statutoryPeriod, type Bilingual, type IsoDate, type SwedishCalendar } from '../calendar';
import { appealWindow as appealWindowOf, finalFrom } from '../lifecycle/appeal-window';
import type { CaseFacts } from '../lifecycle/case.facts';
import { ADJUSTMENT_DUE_DAYS, type PaymentPlan, type PlanLine } from '../lifecycle/payment-plan';
import { add, formatEnglish, formatSwedish, subtract, type Ore } from '../money';
import type { DateRange, FollowUpForum } from '../lifecycle/case.values';
import { lastDayToGiveNotice as noticeLastDay, noticeEffectiveDate } from '../lifecycle/termination';

/**
 * The deadlines of shared/domain.md, one pure function per row of its table. Each returns the
 * date and an explanation a person can check by hand; none reads a clock. Contractual dates
 * (payments, notice, period end) are as agreed; statutory periods follow Lag (1930:173).
 */
export const DEADLINE_KINDS = [
  'registration',
  'protocol-justering',
  'posting',
  'appeal-window-ends',
  'decision-final',
  'signing-pending',
  'yearly-payment',
  'payment-adjustment',
  'follow-up-meeting',
  'annual-report',
  'evaluation',
  'report-back',
  'last-day-to-give-notice',
  'renewal-reminder',
  'notice-takes-effect',
  'period-ends',
] as const;

export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** Unique within a case and stable across recomputation, e.g. `yearly-payment:2024`: a timer's identity. */
  key: string;
  date: IsoDate;
  /** The rule that produced the date, a stable id (e.g. `kl-13-5-appeal-window`). */
  rule: string;
  explanation: Bilingual;
}

export interface DeadlineOptions {
  /** Remind when a final decision is still unsigned this many days after laga kraft. */
  signingReminderDays: number;
  /** Days before the last day to give notice, e.g. [120, 60, 30, 7]. */
  renewalReminderDays: readonly number[];
  /** Forums that must meet at least once every half-year (Linköping: both). */
  followUpForums: readonly FollowUpForum[];
  /** The report and evaluation of a year are due this many calendar months after it ends. */
  annualReportMonthsAfterYear: number;
}

/** What a municipality gets unless it configures otherwise (Linköping's agreement as the model). */
export const DEFAULT_DEADLINE_OPTIONS: DeadlineOptions = {
  signingReminderDays: 14,
  renewalReminderDays: [120, 60, 30, 7],
  followUpForums: ['operational', 'strategic'],
  annualReportMonthsAfterYear: 3,
};

/** Received on a working day: register it that day; otherwise the next working day. */
export function registration(receivedOn: IsoDate, calendar: SwedishCalendar): Deadline {
  const sum = { sv: `inkommen ${receivedOn}, registreras samma dag`, en: `received ${receivedOn}, registered the same day` };
  return { kind: 'registration', key: 'registration', rule: 'registration-same-or-next-working-day', ...onWorkingDay(calendar, receivedOn, sum) };
}

/**
 * Kommunallagen 6 kap. 35 §: the protocol is justerat within 14 days of the meeting. A statutory
 * period, so Lag (1930:173) moves a last day off a non-working day, as for the appeal window.
 */
export function protocolJustering(meetingDate: IsoDate, calendar: SwedishCalendar): Deadline {
  return statutory(calendar, 'protocol-justering', 'kl-6-35-justering', meetingDate, 14, { sv: 'sammanträdet', en: 'the meeting' });
}

/** Kommunallagen 8 kap. 12 §: the justering is announced on the notice board within 2 days. */
export function posting(justeradOn: IsoDate, calendar: SwedishCalendar): Deadline {
  return statutory(calendar, 'posting', 'kl-8-12-anslag', justeradOn, 2, { sv: 'justeringen', en: 'the justering' });
}

/**
 * Kommunallagen 13 kap. 5 §: an appeal must arrive within three weeks of the posting; the
 * decision gains legal force (laga kraft) the day after the window closes, unless appealed.
 */
export function appealWindow(postedOn: IsoDate, calendar: SwedishCalendar): [Deadline, Deadline] {
  const ends: Deadline = { kind: 'appeal-window-ends', key: 'appeal-window-ends', rule: 'kl-13-5-appeal-window', ...appealWindowOf(postedOn, calendar) };
  const final = finalFrom(ends.date);
  return [
    ends,
    {
      kind: 'decision-final',
      key: 'decision-final',
      rule: 'kl-13-5-laga-kraft',
      date: final,
      explanation: {
        sv: `överklagandetiden går ut ${ends.date}; beslutet vinner laga kraft dagen efter, ${final}, om det inte överklagas`,
        en: `the appeal window ends ${ends.date}; the decision gains legal force the day after, ${final}, unless appealed`,
      },
    },
  ];
}

/** A reminder, not a period: it falls on the day it falls, weekend or not. */
export function signingPending(finalOn: IsoDate, days: number, calendar: SwedishCalendar): Deadline {
  const date = calendar.addDays(finalOn, days);
  return {
    kind: 'signing-pending',
    key: 'signing-pending',
    rule: 'signing-reminder',
    date,
    explanation: {
      sv: `laga kraft ${finalOn} + ${days} dagar = ${date}; påminnelse om överenskommelsen ännu inte är undertecknad av båda parter`,
      en: `legal force ${finalOn} + ${days} days = ${date}; a reminder if the agreement is not yet signed by both parties`,
    },
  };
}

/**
 * The payment plan's lines still owed: a year's lines (by 31 January, or when a period starting
 * later starts) while what was paid for the year is less than they sum to; an adjustment line (a
 * revised index value after the year was paid) while the year is still short of it (to pay) or
 * paid beyond it (to reclaim). Lines paid on invoice have no date and no deadline.
 */
export function paymentsDue(plan: PaymentPlan): Deadline[] {
  return plan.years.flatMap((year) => {
    const due = year.lines.filter((line) => line.kind === 'due');
    const dueSum = add(...due.map((line) => line.amount.amount));
    const first = due.find((line) => line.dueOn !== null);
    const yearly = first?.dueOn && year.paid < dueSum ? [yearlyPayment(year.year, first.dueOn, dueSum, year.paid)] : [];
    const adjustments = year.lines
      .filter((line) => line.kind === 'adjustment' && line.dueOn !== null)
      .filter((line) => (line.amount.amount > 0 ? year.outstanding > 0 : year.overpaid > 0))
      .map((line) => paymentAdjustment(line));
    return [...yearly, ...adjustments];
  });
}

function yearlyPayment(year: number, date: IsoDate, planned: Ore, paid: Ore): Deadline {
  const rest = subtract(planned, paid);
  const clamped = date !== `${year}-01-31`;
  const when = clamped
    ? { sv: `perioden börjar ${date}, efter 31 januari`, en: `the period starts ${date}, after 31 January` }
    : { sv: 'senast 31 januari enligt överenskommelsen', en: 'by 31 January as agreed' };
  return {
    kind: 'yearly-payment',
    key: `yearly-payment:${year}`,
    rule: 'payment-yearly-in-january',
    date,
    explanation: {
      sv: `årets utbetalning ${year} ${when.sv}: planerat ${formatSwedish(planned)} − betalt ${formatSwedish(paid)} = ${formatSwedish(rest)} kvar`,
      en: `the payment for ${year}, ${when.en}: planned ${formatEnglish(planned)} − paid ${formatEnglish(paid)} = ${formatEnglish(rest)} outstanding`,
    },
  };
}

function paymentAdjustment(line: PlanLine): Deadline {
  const reclaim = line.amount.amount < 0;
  return {
    kind: 'payment-adjustment',
    key: `payment-adjustment:${line.year}:${line.lineId}`,
    rule: 'payment-adjustment-index-revision',
    date: line.dueOn ?? '',
    explanation: {
      sv: `${reclaim ? 'återkrav' : 'tilläggsutbetalning'} för ${line.year} (${line.label}), ${ADJUSTMENT_DUE_DAYS} dagar efter revideringen: ${line.amount.explanation.sv}`,
      en: `${reclaim ? 'reclaim' : 'additional payment'} for ${line.year} (${line.label}), ${ADJUSTMENT_DUE_DAYS} days after the revision: ${line.amount.explanation.en}`,
    },
  };
}

/** Each forum meets at least once every half-year of the period (due at the half-year's end). */
export function followUpMeetings(period: DateRange, forums: readonly FollowUpForum[], held: CaseFacts['followUpMeetings']): Deadline[] {
  return halfYearsOf(period).flatMap(({ label, range }) =>
    forums
      .filter((forum) => !held.some((m) => m.forum === forum && within(m.heldOn, range)))
      .map((forum) => ({
        kind: 'follow-up-meeting' as const,
        key: `follow-up-meeting:${forum}:${label}`,
        rule: 'follow-up-meeting-every-half-year',
        date: range.end,
        explanation: {
          sv: `inget ${forum === 'operational' ? 'operativt' : 'strategiskt'} samverkansmöte hållet ${range.start}–${range.end}; minst ett per halvår`,
          en: `no ${forum} meeting held ${range.start}–${range.end}; at least one per half-year`,
        },
      })),
  );
}

/**
 * The organisation's yearly report and the municipality's evaluation, once per calendar year of
 * the period, due some months after the year (or the period, if it ends earlier) ends.
 */
export function annualReportAndEvaluation(
  period: DateRange,
  monthsAfter: number,
  done: { reports: CaseFacts['annualReports']; evaluations: CaseFacts['evaluations'] },
  calendar: SwedishCalendar,
): Deadline[] {
  const kinds = [
    { kind: 'annual-report' as const, doneYears: done.reports.map((r) => r.year), sv: 'årsrapport', en: 'yearly report' },
    { kind: 'evaluation' as const, doneYears: done.evaluations.map((e) => e.year), sv: 'utvärdering', en: 'evaluation' },
  ];
  return yearsOf(period).flatMap((year) => {
    const yearEnd = earliest(`${year}-12-31`, period.end);
    const date = calendar.addMonths(yearEnd, monthsAfter);
    return kinds
      .filter(({ doneYears }) => !doneYears.includes(year))
      .map(({ kind, sv, en }) => ({
        kind,
        key: `${kind}:${year}`,
        rule: 'annual-report-and-evaluation',
        date,
        explanation: {
          sv: `${sv} för ${year}: ${yearEnd} + ${monthsAfter} månader = ${date}`,
          en: `${en} for ${year}: ${yearEnd} + ${monthsAfter} months = ${date}`,
        },
      }));
  });
}

/**
 * Linköping: "återrapport … första kvartalet" of the final year, i.e. by 31 March of the year the
 * period ends. Never outside the period: one that ends before 31 March reports by its last day,
 * and so does one that starts after 31 March of its final year (it has no first quarter).
 */
export function reportBack(period: DateRange): Deadline {
  const year = period.end.slice(0, 4);
  const q1End = `${year}-03-31`;
  const inPeriod = period.start <= q1End && q1End <= period.end;
  const date = inPeriod ? q1End : period.end;
  const sv = `återrapport till nämnden under första kvartalet av periodens sista år (${year}), senast ${q1End}`;
  const en = `report back to the board in the first quarter of the period's final year (${year}), by ${q1End}`;
  return {
    kind: 'report-back',
    key: 'report-back',
    rule: 'report-back-q1-final-year',
    date,
    explanation: inPeriod
      ? { sv, en }
      : {
          sv: `${sv}; ${q1End} ligger utanför perioden ${period.start}–${period.end}, så senast periodens sista dag ${date}`,
          en: `${en}; ${q1End} is outside the period ${period.start}–${period.end}, so by the period's last day, ${date}`,
        },
  };
}

/**
 * Contractual, so not moved: notice received on a later day would end the agreement after the
 * period. From a month end, the last day is a month end too (see the lifecycle's rule), and the
 * explanation then shows the check a person would make.
 */
export function lastDayToGiveNotice(period: DateRange, noticeMonths: number): Deadline {
  const date = noticeLastDay(period, noticeMonths);
  const sv = `periodens slut ${period.end} − ${noticeMonths} månaders uppsägningstid = ${date}`;
  const en = `period end ${period.end} − ${noticeMonths} months' notice = ${date}`;
  const effective = noticeEffectiveDate(date, noticeMonths);
  const backToMonthEnd = effective === period.end && addMonths(period.end, -noticeMonths) !== date;
  return {
    kind: 'last-day-to-give-notice',
    key: 'last-day-to-give-notice',
    rule: 'notice-last-day',
    date,
    explanation: backToMonthEnd
      ? {
          sv: `${sv} (månadens sista dag: uppsägning mottagen ${date} + ${noticeMonths} kalendermånader = ${effective}, periodens sista dag)`,
          en: `${en} (the month's last day: notice received ${date} + ${noticeMonths} calendar months = ${effective}, the period's last day)`,
        }
      : { sv, en },
  };
}

/** Reminders to decide on renewal, each `offset` days before the last day to give notice. */
export function renewalReminders(period: DateRange, noticeMonths: number, offsets: readonly number[], calendar: SwedishCalendar): Deadline[] {
  const lastDay = lastDayToGiveNotice(period, noticeMonths).date;
  return offsets.map((offset) => {
    const date = calendar.addDays(lastDay, -offset);
    return {
      kind: 'renewal-reminder' as const,
      key: `renewal-reminder:${offset}`,
      rule: 'renewal-reminder',
      date,
      explanation: {
        sv: `sista dag att säga upp ${lastDay} − ${offset} dagar = ${date}; dags att besluta om förlängning`,
        en: `last day to give notice ${lastDay} − ${offset} days = ${date}; time to decide on renewal`,
      },
    };
  });
}

export function noticeTakesEffect(receivedOn: IsoDate, noticeMonths: number): Deadline {
  const date = noticeEffectiveDate(receivedOn, noticeMonths);
  return {
    kind: 'notice-takes-effect',
    key: 'notice-takes-effect',
    rule: 'notice-effective',
    date,
    explanation: {
      sv: `uppsägning mottagen ${receivedOn} + ${noticeMonths} kalendermånader = ${date}`,
      en: `notice received ${receivedOn} + ${noticeMonths} calendar months = ${date}`,
    },
  };
}

export function periodEnds(period: DateRange): Deadline {
  return {
    kind: 'period-ends',
    key: 'period-ends',
    rule: 'period-end',
    date: period.end,
    explanation: {
      sv: `avtalsperioden ${period.start}–${period.end} löper ut; ärendet avslutas om det inte förlängs`,
      en: `the period ${period.start}–${period.end} ends; the case expires unless renewed`,
    },
  };
}

/** A statutory period of `days` from `from` (src/calendar's rule), as a deadline of `kind`. */
function statutory(calendar: SwedishCalendar, kind: DeadlineKind, rule: string, from: IsoDate, days: number, what: Bilingual): Deadline {
  return { kind, key: kind, rule, ...statutoryPeriod(calendar, from, days, what) };
}

function yearsOf(period: DateRange): number[] {
  const first = Number(period.start.slice(0, 4));
  return Array.from({ length: Number(period.end.slice(0, 4)) - first + 1 }, (_, i) => first + i);
}

/** The half-years (Jan–Jun, Jul–Dec) the period touches, clipped to the period. */
function halfYearsOf(period: DateRange): { label: string; range: DateRange }[] {
  return yearsOf(period).flatMap((year) =>
    [
      { label: `${year}-H1`, range: { start: `${year}-01-01`, end: `${year}-06-30` } },
      { label: `${year}-H2`, range: { start: `${year}-07-01`, end: `${year}-12-31` } },
    ]
      .filter(({ range }) => range.end >= period.start && range.start <= period.end)
      .map(({ label, range }) => ({ label, range: { start: latest(range.start, period.start), end: earliest(range.end, period.end) } })),
  );
}

const within = (date: IsoDate, range: DateRange): boolean => range.start <= date && date <= range.end;
const latest = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const earliest = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
