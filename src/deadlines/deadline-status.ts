import type { IsoDate } from '../calendar';
import type { CaseEvent, CaseEventType } from '../lifecycle/case.events';
import { applyEvent, initialFacts } from '../lifecycle/case.facts';
import type { SwedishCalendar } from '../calendar';
import type { Deadline, DeadlineKind, DeadlineOptions } from './deadline-rules';
import { deadlinesOf } from './deadlines-of';
import { NO_INDEX_VALUES, type IndexSeriesLookup } from '../lifecycle/payment-plan';

export const DEADLINE_STATUSES = ['upcoming', 'due-today', 'overdue', 'passed', 'met'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * Whether a deadline of each kind is something still owed once its date is past (someone must
 * act: register, sign, pay, report, record the end) or only a moment that passes and asks for
 * nothing more (the appeal window ran out; the last day to give notice went by without notice;
 * a reminder to decide on renewal). Past, the first is `overdue`, the second `passed`.
 */
export const OWED_WHEN_PAST: Readonly<Record<DeadlineKind, boolean>> = {
  registration: true,
  'protocol-justering': true,
  posting: true,
  'appeal-window-ends': false,
  'decision-final': true,
  'signing-pending': true,
  'yearly-payment': true,
  'payment-adjustment': true,
  'follow-up-meeting': true,
  'annual-report': true,
  evaluation: true,
  'report-back': true,
  'last-day-to-give-notice': false,
  'renewal-reminder': false,
  'notice-takes-effect': true,
  'period-ends': true,
};

/** The kinds that pass rather than fall overdue, for the list's SQL. */
export const PASSING_KINDS = (Object.keys(OWED_WHEN_PAST) as DeadlineKind[]).filter((kind) => !OWED_WHEN_PAST[kind]);

/** A deadline of a case as its history leaves it: still open, or met by an event. */
export interface TrackedDeadline extends Deadline {
  met: boolean;
}

/**
 * The event that meets each kind of deadline. A deadline that disappears on any other event was
 * cancelled or replaced (notice given cancels the period's end; an appeal takes the window's
 * deadlines to the court), so it is not shown as met.
 */
const MEETS: Partial<Record<CaseEventType, readonly DeadlineKind[]>> = {
  CaseRegistered: ['registration'],
  JusteringRecorded: ['protocol-justering'],
  PostingRecorded: ['posting'],
  DecisionBecameFinal: ['appeal-window-ends', 'decision-final'],
  AgreementSigned: ['signing-pending'],
  PaymentRecorded: ['yearly-payment', 'payment-adjustment'],
  FollowUpMeetingRecorded: ['follow-up-meeting'],
  AnnualReportSubmitted: ['annual-report'],
  EvaluationRecorded: ['evaluation'],
  ReportBackSubmitted: ['report-back'],
  RenewalStarted: ['last-day-to-give-notice', 'renewal-reminder'],
  NoticeGiven: ['last-day-to-give-notice'],
  AgreementTerminated: ['notice-takes-effect'],
  AgreementExpired: ['period-ends'],
  RenewalCompleted: ['period-ends'],
};

/**
 * Every deadline a case has had that is still open or was met, from its events: after each event
 * the open deadlines are recomputed ({@link deadlinesOf}), and one that the event closes is kept
 * as met, with the date it had while open. Sorted by date, then key.
 */
export function trackedDeadlines(
  events: readonly CaseEvent[],
  calendar: SwedishCalendar,
  options: DeadlineOptions,
  index: IndexSeriesLookup = NO_INDEX_VALUES,
): TrackedDeadline[] {
  let facts = initialFacts;
  let open = new Map<string, Deadline>();
  const met = new Map<string, Deadline>();
  for (const event of events) {
    facts = applyEvent(facts, event);
    const now = new Map(deadlinesOf(facts, calendar, options, index).map((d) => [d.key, d]));
    for (const [key, deadline] of open) if (!now.has(key) && MEETS[event.type]?.includes(deadline.kind)) met.set(key, deadline);
    for (const key of now.keys()) met.delete(key);
    open = now;
  }
  return [...[...open.values()].map((d) => ({ ...d, met: false })), ...[...met.values()].map((d) => ({ ...d, met: true }))].sort(
    (a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );
}

/** Met, or else where its date stands against today's Stockholm date: past, `overdue` if still owed, else `passed`. */
export function statusOf(deadline: Pick<TrackedDeadline, 'date' | 'met' | 'kind'>, today: IsoDate): DeadlineStatus {
  if (deadline.met) return 'met';
  if (deadline.date < today) return OWED_WHEN_PAST[deadline.kind] ? 'overdue' : 'passed';
  return deadline.date === today ? 'due-today' : 'upcoming';
}

const LABELS: Record<DeadlineKind, string> = {
  registration: 'Registrering i diariet',
  'protocol-justering': 'Justering av protokollet',
  posting: 'Anslag om justerat protokoll',
  'appeal-window-ends': 'Överklagandetiden går ut',
  'decision-final': 'Beslutet vinner laga kraft',
  'signing-pending': 'Överenskommelsen är inte undertecknad',
  'yearly-payment': 'Årlig utbetalning',
  'payment-adjustment': 'Justering efter reviderat index',
  'follow-up-meeting': 'Samverkansmöte',
  'annual-report': 'Årsrapport',
  evaluation: 'Utvärdering',
  'report-back': 'Återrapport till nämnden',
  'last-day-to-give-notice': 'Sista dag att säga upp överenskommelsen',
  'renewal-reminder': 'Besluta om förlängning',
  'notice-takes-effect': 'Uppsägningen får verkan',
  'period-ends': 'Avtalsperioden löper ut',
};

const FORUMS: Record<string, string> = { operational: 'operativt', strategic: 'strategiskt' };

/** A short Swedish label for officials, with what the key adds: the year, the half-year, the forum. */
export function labelOf(deadline: Pick<Deadline, 'kind' | 'key'>): string {
  const [, ...parts] = deadline.key.split(':');
  if (deadline.kind === 'follow-up-meeting') {
    const [forum, half] = parts;
    return `${LABELS[deadline.kind]} (${FORUMS[forum] ?? forum}) ${half.replace('-H', ', halvår ')}`;
  }
  if (deadline.kind === 'renewal-reminder') return `${LABELS[deadline.kind]} (${parts[0]} dagar före sista uppsägningsdag)`;
  return parts.length > 0 ? `${LABELS[deadline.kind]} ${parts.join(' ')}` : LABELS[deadline.kind];
}
