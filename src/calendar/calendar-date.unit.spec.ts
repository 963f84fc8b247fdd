import { describe, expect, it } from '@jest/globals';
import { addDays, addMonths, daysInclusive, isIsoDate, isTimestamp, monthEnd, stockholmDate } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-01-15', 12, '2026-01-15'],
    ['2025-12-31', -6, '2025-06-30'],
    ['2025-06-30', 0, '2025-06-30'],
  ])('%s + %i calendar months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2024-02-10', '2024-02-29'],
    ['2025-02-28', '2025-02-28'],
    ['2025-12-01', '2025-12-31'],
  ])('the month of %s ends %s', (date, end) => {
    expect(monthEnd(date)).toBe(end);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-03-31', -31)).toBe('2024-02-29');
  });

  it('counts days inclusively', () => {
    expect(daysInclusive('2025-01-01', '2025-12-31')).toBe(365);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInclusive('2025-03-30', '2025-03-30')).toBe(1);
  });

  it('takes the Stockholm calendar date of an instant, summer and winter', () => {
    expect(stockholmDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    expect(stockholmDate('2025-12-31T22:59:59Z')).toBe('2025-12-31');
    expect(stockholmDate('2025-06-30T22:00:00Z')).toBe('2025-07-01');
    expect(stockholmDate('2025-06-30T21:59:59Z')).toBe('2025-06-30');
    expect(stockholmDate('2025-06-30T23:30:00+02:00')).toBe('2025-06-30');
  });

  it('recognises real dates and timestamps only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
    expect(isTimestamp('2025-08-31T09:15:00+02:00')).toBe(true);
    expect(isTimestamp('2025-08-31T09:15:00.123Z')).toBe(true);
    expect(isTimestamp('2025-08-31T09:15:00')).toBe(false);
    expect(isTimestamp('2025-08-31')).toBe(false);
  });
});
