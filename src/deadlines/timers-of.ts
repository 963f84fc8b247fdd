import type { IsoDate } from '../calendar';
import type { CaseFacts } from '../lifecycle/case.facts';
import type { RecipientRole } from '../notifications/notification-outbox.port';
import type { SwedishCalendar } from '../calendar';
import type { Deadline, DeadlineOptions } from './deadline-rules';
import { deadlinesOf } from './deadlines-of';
import type { ActingCommand, TimerPolicy } from './timer-policy';

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
export function timersOf(facts: CaseFacts, settings: TimerSettings): Timer[] {
  return timersOfDeadlines(facts, settings).sort((a, b) => compare(a.dueOn, b.dueOn) || compare(a.key, b.key));
}

/** Dates and keys are ASCII: plain code-unit order, without the cost of a locale's collation (this runs per timer firing). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function timersOfDeadlines(facts: CaseFacts, { calendar, deadlineOptions, policy }: TimerSettings): Timer[] {
  return deadlinesOf(facts, calendar, deadlineOptions).flatMap((deadline) => {
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
      ? [{ ...base, key: `${deadline.key}/act`, occasion: 'acted' as const, dueOn: calendar.addDays(deadline.date, rule.actDaysAfter ?? 0), command: rule.acts }]
      : rule.recipients.length > 0
        ? [{ ...base, key: `${deadline.key}/due`, occasion: 'due' as const, dueOn: deadline.date, command: null }]
        : [];
    return [...reminders, ...onTheDay.map((timer) => ({ ...timer, deadlineOn: deadline.date, daysBefore: 0 }))];
  });
}

/** A renewal reminder is itself the reminder: it is about the last day to give notice, `offset` days on. */
function renewalReminder(deadline: Deadline, calendar: SwedishCalendar): Omit<Timer, 'deadline' | 'recipients'> {
  const daysBefore = Number(deadline.key.split(':')[1]);
  return { key: `${deadline.key}/reminder`, occasion: 'reminder', dueOn: deadline.date, deadlineOn: calendar.addDays(deadline.date, daysBefore), daysBefore, command: null };
}
