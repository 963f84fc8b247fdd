import type { CaseFacts } from '../lifecycle/case.facts';
import { NO_INDEX_VALUES, paymentPlan, type IndexSeriesLookup } from '../lifecycle/payment-plan';
import type { SwedishCalendar } from '../calendar';
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
  type Deadline,
  type DeadlineOptions,
} from './deadline-rules';

/**
 * The deadlines still open for a case as its facts stand: each rule applies from the fact that
 * starts it until the fact that meets it, so recomputing after every event moves or cancels
 * timers. A closed case has none. Sorted by date, then key, so that the result is stable.
 */
export function deadlinesOf(facts: CaseFacts, calendar: SwedishCalendar, options: DeadlineOptions, index: IndexSeriesLookup = NO_INDEX_VALUES): Deadline[] {
  if (facts.closed) return [];
  return [...beforeSigning(facts, calendar, options), ...whileInForce(facts, calendar, options, index)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );
}

function beforeSigning(facts: CaseFacts, calendar: SwedishCalendar, options: DeadlineOptions): Deadline[] {
  const { protocol } = facts;
  const decision = facts.decisions.at(-1);
  const unsigned = facts.signatures.municipality === null || facts.signatures.organisation === null;
  return [
    ...(facts.receivedOn && !facts.registeredOn ? [registration(facts.receivedOn, calendar)] : []),
    ...(decision?.outcome === 'approved' && !protocol.justeradOn ? [protocolJustering(decision.meetingDate, calendar)] : []),
    ...(protocol.justeradOn && !protocol.postedOn ? [posting(protocol.justeradOn, calendar)] : []),
    // Once appealed, the court decides when the decision becomes final.
    ...(protocol.postedOn && !facts.finalOn && !facts.appeal ? appealWindow(protocol.postedOn, calendar) : []),
    ...(facts.finalOn && unsigned ? [signingPending(facts.finalOn, options.signingReminderDays, calendar)] : []),
  ];
}

/** From both signatures to the end: follow-up, then either notice or the period's end. */
function whileInForce(facts: CaseFacts, calendar: SwedishCalendar, options: DeadlineOptions, index: IndexSeriesLookup): Deadline[] {
  const { terms, notice } = facts;
  if (!terms || !facts.signatures.municipality || !facts.signatures.organisation) return [];
  // A late appeal after both signatures (machine v2): the agreement waits for the court.
  if (facts.appeal !== null && facts.appeal.outcome === null) return [];
  const { period, noticeMonths } = terms;
  const followUp = [
    // The payment plan's lines still owed (index values from reference data; none: the last known amounts).
    ...paymentsDue(paymentPlan(facts, index)),
    ...followUpMeetings(period, options.followUpForums, facts.followUpMeetings),
    ...annualReportAndEvaluation(period, options.annualReportMonthsAfterYear, { reports: facts.annualReports, evaluations: facts.evaluations }, calendar),
    ...(facts.reportBack ? [] : [reportBack(period)]),
  ];
  if (notice) {
    const ends = noticeTakesEffect(notice.receivedOn, noticeMonths);
    // Obligations falling after termination lapse; the refund settles the money.
    return [...followUp.filter((d) => d.date <= ends.date), ends];
  }
  const renewal = facts.renewal
    ? []
    : [lastDayToGiveNotice(period, noticeMonths), ...renewalReminders(period, noticeMonths, options.renewalReminderDays, calendar)];
  return [...followUp, ...renewal, periodEnds(period)];
}
