import type { IsoDate, SwedishCalendar } from '../calendar';
import type { CaseFacts } from '../lifecycle/case.facts';
import type { RecipientRole } from '../notifications/notification-outbox.port';
import type { Deadline, DeadlineKind, DeadlineOptions } from './deadline-rules';
import { deadlinesOf } from './deadlines-of';
import { NO_INDEX_VALUES, type IndexSeriesLookup } from '../lifecycle/payment-plan';

/** The commands the engine gives by itself when their date comes: each records an event the machine admits then. */
export type ActingCommand = 'record-final' | 'record-termination' | 'record-expiry';

export interface KindPolicy {
  /** When set, the engine gives this command when the date comes and tells the recipients it did (`acted`); otherwise the date only notifies (`due`). */
  readonly acts?: ActingCommand;
  /**
   * Days after the deadline's date the engine acts: a period or a notice runs to the end of its
   * last day (the agreement is in force "up to and including" it), so it ends the morning after.
   */
  readonly actDaysAfter?: number;
  /** Who is told: on the date, and by each reminder. Empty, with no action and no reminders: no timer at all. */
  readonly recipients: readonly RecipientRole[];
  /** Reminders this many days before the date, e.g. [14]. */
  readonly reminderDays: readonly number[];
}

/**
 * What happens when each kind of deadline falls due. Renewal reminders (120/60/30/7 days before
 * the last day to give notice) are deadlines of their own, configured in `DeadlineOptions.
 * renewalReminderDays`, so that the deadline views show them too; here they are reminders.
 */
export type TimerPolicy = Readonly<Record<DeadlineKind, KindPolicy>>;

const notify = (recipients: readonly RecipientRole[], reminderDays: readonly number[] = []): KindPolicy => ({ recipients, reminderDays });

export const DEFAULT_TIMER_POLICY: TimerPolicy = {
  // Before an officer is assigned, the manager (who assigns one) is told.
  registration: notify(['manager']),
  'protocol-justering': notify(['boardSecretary']),
  posting: notify(['boardSecretary']),
  // Nothing to do on the last day of the window: the decision becomes final the next day.
  'appeal-window-ends': notify([]),
  'decision-final': { acts: 'record-final', actDaysAfter: 0, recipients: ['officer', 'boardSecretary'], reminderDays: [] },
  'signing-pending': notify(['officer']),
  'yearly-payment': notify(['officer'], [14]),
  // A revised index value after the year was paid: pay the difference, or claim it back.
  'payment-adjustment': notify(['officer', 'manager']),
  'follow-up-meeting': notify(['officer'], [30]),
  'annual-report': notify(['organisationContact', 'officer']),
  evaluation: notify(['officer']),
  'report-back': notify(['officer', 'manager'], [30]),
  'last-day-to-give-notice': notify(['officer', 'manager']),
  'renewal-reminder': notify(['officer', 'manager']),
  'notice-takes-effect': { acts: 'record-termination', actDaysAfter: 1, recipients: ['officer', 'manager', 'organisationContact'], reminderDays: [] },
  'period-ends': { acts: 'record-expiry', actDaysAfter: 1, recipients: ['officer', 'manager', 'organisationContact'], reminderDays: [] },
};

/** The default policy with other reminder offsets for some kinds (configuration: TIMER_REMINDER_DAYS). */
export function withReminderDays(policy: TimerPolicy, overrides: Partial<Record<DeadlineKind, readonly number[]>>): TimerPolicy {
  return Object.fromEntries(
    Object.entries(policy).map(([kind, rule]) => [kind, { ...rule, reminderDays: overrides[kind as DeadlineKind] ?? rule.reminderDays }]),
  ) as unknown as TimerPolicy;
}

export type TimerOccasion = 'reminder' | 'due' | 'acted';

/** One moment the engine must do something for a case: tell someone, or act and tell. */
export interface Timer {
  /** Unique within the case and stable while the deadline stands, e.g. `yearly-payment:2024/reminder-14`. */
  readonly key: string;
  readonly deadline: Deadline;
  readonly occasion: TimerOccasion;
  /** The Stockholm date it fires on (at the notification hour). */
  readonly dueOn: IsoDate;
  /** The date the timer is about: a reminder's deadline, which may lie further ahead. */
  readonly deadlineOn: IsoDate;
  readonly daysBefore: number;
  readonly command: ActingCommand | null;
  readonly recipients: readonly RecipientRole[];
}

export interface TimerSettings {
  readonly calendar: SwedishCalendar;
  readonly deadlineOptions: DeadlineOptions;
  readonly policy: TimerPolicy;
}

/**
 * The case's timers as its facts stand now: one per open deadline (acting or due) plus its
 * reminders. Recomputed after every event, so a deadline that moves moves its timers, and one
 * that is met (or lapses with the case) takes its timers with it. Sorted by date, then key.
 */
export function timersOf(facts: CaseFacts, settings: TimerSettings, index: IndexSeriesLookup = NO_INDEX_VALUES): Timer[] {
  return timersOfDeadlines(facts, settings, index).sort((a, b) => compare(a.dueOn, b.dueOn) || compare(a.key, b.key));
}

/** Dates and keys are ASCII: plain code-unit order, without the cost of a locale's collation (this runs per timer firing). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function timersOfDeadlines(facts: CaseFacts, { calendar, deadlineOptions, policy }: TimerSettings, index: IndexSeriesLookup): Timer[] {
  return deadlinesOf(facts, calendar, deadlineOptions, index).flatMap((deadline) => {
    const rule = policy[deadline.kind];
    const base = { deadline, recipients: rule.recipients };
    const reminders = rule.reminderDays.map((days) => ({
      ...base,
      key: `${deadline.key}/reminder-${days}`,
      occasion: 'reminder' as const,
      dueOn: calendar.addDays(deadline.date, -days),
      deadlineOn: deadline.date,
      daysBefore: days,
      command: null,
    }));
    if (deadline.kind === 'renewal-reminder') return [{ ...base, ...renewalReminder(deadline, calendar) }];
    const onTheDay = rule.acts
      ? [
          {
            ...base,
            key: `${deadline.key}/act`,
            occasion: 'acted' as const,
            dueOn: calendar.addDays(deadline.date, rule.actDaysAfter ?? 0),
            command: rule.acts,
          },
        ]
      : rule.recipients.length > 0
        ? [{ ...base, key: `${deadline.key}/due`, occasion: 'due' as const, dueOn: deadline.date, command: null }]
        : [];
    return [...reminders, ...onTheDay.map((timer) => ({ ...timer, deadlineOn: deadline.date, daysBefore: 0 }))];
  });
}

/** A renewal reminder is itself the reminder: it is about the last day to give notice, `offset` days on. */
function renewalReminder(deadline: Deadline, calendar: SwedishCalendar): Omit<Timer, 'deadline' | 'recipients'> {
  const daysBefore = Number(deadline.key.split(':')[1]);
  return {
    key: `${deadline.key}/reminder`,
    occasion: 'reminder',
    dueOn: deadline.date,
    deadlineOn: calendar.addDays(deadline.date, daysBefore),
    daysBefore,
    command: null,
  };
}
