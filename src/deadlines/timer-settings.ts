import { AppConfig } from '../config/app-config';
import { SwedishCalendar } from '../calendar';
import { DEFAULT_DEADLINE_OPTIONS, type DeadlineKind } from './deadline-rules';
import { DEFAULT_TIMER_POLICY, withReminderDays, type TimerSettings } from './timer-policy';

/** Everything that decides when timers fall due: rules, policy, and the hour of the day. */
export abstract class DeadlineSettings implements TimerSettings {
  abstract readonly calendar: SwedishCalendar;
  abstract readonly deadlineOptions: TimerSettings['deadlineOptions'];
  abstract readonly policy: TimerSettings['policy'];
  /** Stockholm hour at which a timer falls due on its date. */
  abstract readonly notifyHour: number;
}

export function deadlineSettingsFrom(config: AppConfig): DeadlineSettings {
  return {
    calendar: new SwedishCalendar(),
    deadlineOptions: DEFAULT_DEADLINE_OPTIONS,
    policy: withReminderDays(DEFAULT_TIMER_POLICY, parseReminderDays(config.TIMER_REMINDER_DAYS)),
    notifyHour: config.TIMER_NOTIFY_HOUR,
  };
}

/** `yearly-payment=30,7;report-back=30` → { 'yearly-payment': [30, 7], 'report-back': [30] }. */
export function parseReminderDays(value: string | undefined): Partial<Record<DeadlineKind, number[]>> {
  if (!value) return {};
  const entries = value.split(';').map((part) => part.split('=') as [string, string]);
  const unknown = entries.filter(([kind]) => !(kind in DEFAULT_TIMER_POLICY)).map(([kind]) => kind);
  if (unknown.length > 0) throw new Error(`TIMER_REMINDER_DAYS names unknown deadline kinds: ${unknown.join(', ')}`);
  // The deadline views show renewal reminders as deadlines; timers and views must agree on them.
  if (entries.some(([kind]) => kind === 'renewal-reminder')) {
    throw new Error('TIMER_REMINDER_DAYS cannot move renewal reminders: they are deadlines of their own (DeadlineOptions.renewalReminderDays)');
  }
  return Object.fromEntries(entries.map(([kind, days]) => [kind, days.split(',').map(Number)]));
}
