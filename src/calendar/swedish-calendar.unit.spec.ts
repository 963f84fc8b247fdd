import { describe, expect, it } from '@jest/globals';
import { SwedishCalendar } from './swedish-calendar';

const calendar = new SwedishCalendar();

describe('SwedishCalendar', () => {
  it.each([
    ['2024-03-29', 'långfredagen', 'Good Friday'],
    ['2024-04-01', 'annandag påsk', 'Easter Monday'],
    ['2024-05-09', 'Kristi himmelsfärdsdag', 'Ascension Day'],
    ['2025-06-06', 'nationaldagen', 'National Day'],
    ['2025-06-20', 'midsommarafton', 'Midsummer Eve'],
    ['2025-06-21', 'midsommardagen, lördag', 'Midsummer Day, a Saturday'],
    ['2025-12-24', 'julafton', 'Christmas Eve'],
    ['2025-12-25', 'juldagen', 'Christmas Day'],
    ['2025-12-26', 'annandag jul', 'Boxing Day'],
    ['2025-12-31', 'nyårsafton', "New Year's Eve"],
    ['2026-01-01', 'nyårsdagen', "New Year's Day"],
    ['2025-06-07', 'lördag', 'Saturday'],
    ['2025-06-08', 'pingstdagen, söndag', 'Pentecost, a Sunday'],
    // Easter 2008 fell so early that Ascension Day was 1 May.
    ['2008-05-01', 'första maj och Kristi himmelsfärdsdag', 'Labour Day and Ascension Day'],
  ])('says why %s is not a working day', (date, sv, en) => {
    expect(calendar.whyNotWorkingDay(date)).toEqual({ sv, en });
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2024-03-28', 'skärtorsdagen'],
    ['2024-01-05', 'trettondagsafton'],
    ['2024-04-30', 'valborgsmässoafton'],
    ['2025-06-09', 'annandag pingst, no longer a holiday since 2005'],
    ['2024-02-29', 'a leap day on a Thursday'],
  ])('counts %s (%s) as a working day', (date) => {
    expect(calendar.whyNotWorkingDay(date)).toBeNull();
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it('knows the three eves of Lag (1930:173) every year, wherever midsommar falls', () => {
    for (let year = 2020; year <= 2035; year++) {
      const midsummerEve = [19, 20, 21, 22, 23, 24, 25]
        .map((d) => `${year}-06-${d}`)
        .filter((d) => calendar.whyNotWorkingDay(d)?.sv.startsWith('midsommarafton'));
      expect(midsummerEve).toHaveLength(1);
      expect(new Date(`${midsummerEve[0]}T00:00:00Z`).getUTCDay()).toBe(5);
      expect(calendar.whyNotWorkingDay(`${year}-12-24`)?.sv).toMatch(/^julafton/);
      expect(calendar.whyNotWorkingDay(`${year}-12-31`)?.sv).toMatch(/^nyårsafton/);
    }
  });

  it.each([
    ['2024-03-28', '2024-04-02'], // skärtorsdag → past Easter
    ['2025-06-19', '2025-06-23'], // past midsommar
    ['2024-12-23', '2024-12-27'], // past Christmas
    ['2025-12-30', '2026-01-02'], // past New Year
    ['2025-05-28', '2025-05-30'], // past Kristi himmelsfärd
    ['2025-06-02', '2025-06-03'], // an ordinary Monday
  ])('finds the next working day after %s: %s', (date, next) => {
    expect(calendar.nextWorkingDay(date)).toBe(next);
  });

  it('adds calendar months, clamped to the month end and aware of leap years', () => {
    expect(calendar.addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(calendar.addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(calendar.addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(calendar.addMonths('2025-12-31', -6)).toBe('2025-06-30');
  });
});
