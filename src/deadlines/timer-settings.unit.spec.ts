import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/app-config';
import { deadlineSettingsFrom, parseReminderDays } from './timer-settings';

describe('timer settings from the configuration', () => {
  it('reads reminder offsets per kind; other kinds keep the defaults', () => {
    expect(parseReminderDays('yearly-payment=30,7;report-back=14')).toEqual({ 'yearly-payment': [30, 7], 'report-back': [14] });
    const settings = deadlineSettingsFrom(loadConfig({ TIMER_REMINDER_DAYS: 'yearly-payment=30,7', TIMER_NOTIFY_HOUR: '9' }));
    expect(settings.policy['yearly-payment'].reminderDays).toEqual([30, 7]);
    expect(settings.policy['report-back'].reminderDays).toEqual([30]);
    expect(settings.notifyHour).toBe(9);
  });

  it('refuses unknown kinds and malformed values, naming the variable', () => {
    expect(() => parseReminderDays('payday=3')).toThrow('TIMER_REMINDER_DAYS names unknown deadline kinds: payday');
    expect(() => parseReminderDays('renewal-reminder=90')).toThrow(/deadlines of their own/);
    expect(() => loadConfig({ TIMER_REMINDER_DAYS: 'yearly-payment=soon' })).toThrow(/TIMER_REMINDER_DAYS/);
    expect(() => loadConfig({ TIMER_NOTIFY_HOUR: '24' })).toThrow(/TIMER_NOTIFY_HOUR/);
  });

  it('defaults: 08:00, the scheduler on', () => {
    const config = loadConfig({});
    expect([
      config.TIMER_NOTIFY_HOUR,
      config.SCHEDULER_ENABLED,
      config.SCHEDULER_BATCH_SIZE,
      config.SCHEDULER_CONCURRENCY,
      config.SCHEDULER_MAX_SLEEP_MS,
    ]).toEqual([8, true, 50, 2, 60_000]);
    expect(loadConfig({ SCHEDULER_ENABLED: 'false' }).SCHEDULER_ENABLED).toBe(false);
  });
});
