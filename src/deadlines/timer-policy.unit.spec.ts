import { describe, expect, it } from '@jest/globals';
import { linkoping } from '../demo/seed-cases';
import { fold } from '../lifecycle/evolve';
import { seedEvents } from '../../test/support/seeded-cases';
import { SwedishCalendar } from '../calendar';
import { DEFAULT_DEADLINE_OPTIONS } from './deadline-rules';
import { DEFAULT_TIMER_POLICY, timersOf, withReminderDays, type TimerSettings } from './timer-policy';

const settings: TimerSettings = { calendar: new SwedishCalendar(), deadlineOptions: DEFAULT_DEADLINE_OPTIONS, policy: DEFAULT_TIMER_POLICY };

/** Linköping's timers as `dueOn key occasion → recipients`, just before the named step. */
const before = (step: keyof typeof linkoping, s: TimerSettings = settings) =>
  timersOf(fold(seedEvents(linkoping, step)).context, s).map(
    (t) => `${t.dueOn} ${t.key} ${t.occasion}${t.command ? ` ${t.command}` : ''} → ${t.recipients.join(',')}`,
  );

describe('timersOf (Linköping)', () => {
  it('notifies the board secretary about the protocol, and acts when the decision becomes final', () => {
    expect(before('posting')).toEqual(['2022-11-16 posting/due due → boardSecretary']);
    expect(before('final')).toEqual(['2022-12-07 decision-final/act acted record-final → officer,boardSecretary']);
  });

  it('while in force: reminders ahead of payments, meetings and the report back; renewal reminders; expiry the morning after the period', () => {
    const timers = before('payment2024');
    expect(timers.filter((t) => /yearly-payment|renewal|last-day|period-ends|report-back/.test(t))).toEqual([
      '2024-01-17 yearly-payment:2024/reminder-14 reminder → officer',
      '2024-01-31 yearly-payment:2024/due due → officer',
      '2025-01-17 yearly-payment:2025/reminder-14 reminder → officer',
      '2025-01-31 yearly-payment:2025/due due → officer',
      '2025-03-01 report-back/reminder-30 reminder → officer,manager',
      '2025-03-02 renewal-reminder:120/reminder reminder → officer,manager',
      '2025-03-31 report-back/due due → officer,manager',
      '2025-05-01 renewal-reminder:60/reminder reminder → officer,manager',
      '2025-05-31 renewal-reminder:30/reminder reminder → officer,manager',
      '2025-06-23 renewal-reminder:7/reminder reminder → officer,manager',
      '2025-06-30 last-day-to-give-notice/due due → officer,manager',
      '2026-01-01 period-ends/act acted record-expiry → officer,manager,organisationContact',
    ]);
  });

  it('a reminder knows the date it reminds of', () => {
    const timers = timersOf(fold(seedEvents(linkoping, 'payment2024')).context, settings);
    const renewal = timers.find((t) => t.key === 'renewal-reminder:120/reminder');
    expect(renewal).toMatchObject({ dueOn: '2025-03-02', deadlineOn: '2025-06-30', daysBefore: 120 });
    expect(timers.find((t) => t.key === 'yearly-payment:2024/reminder-14')).toMatchObject({ deadlineOn: '2024-01-31', daysBefore: 14 });
  });

  it('after notice: termination the morning after the notice takes effect; renewal and later obligations are gone', () => {
    const timers = before('terminate');
    expect(timers.some((t) => /renewal|last-day|period-ends/.test(t))).toBe(false);
    expect(timers.at(-1)).toBe('2025-10-01 notice-takes-effect/act acted record-termination → officer,manager,organisationContact');
    expect(timers.every((t) => t.slice(0, 10) <= '2025-10-01')).toBe(true);
  });

  it('a closed case has no timers', () => {
    expect(timersOf(fold(seedEvents(linkoping)).context, settings)).toEqual([]);
  });

  it('reminder offsets are configurable per kind', () => {
    const custom = { ...settings, policy: withReminderDays(DEFAULT_TIMER_POLICY, { 'yearly-payment': [30, 7] }) };
    expect(before('payment2024', custom).filter((t) => t.includes('yearly-payment:2024'))).toEqual([
      '2024-01-01 yearly-payment:2024/reminder-30 reminder → officer',
      '2024-01-24 yearly-payment:2024/reminder-7 reminder → officer',
      '2024-01-31 yearly-payment:2024/due due → officer',
    ]);
  });
});
