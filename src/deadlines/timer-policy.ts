import type { RecipientRole } from '../notifications/notification-outbox.port';
import type { DeadlineKind } from './deadline-rules';

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
