import { describe, expect, it } from '@jest/globals';
import { stockholmDate } from '../calendar';
import { stockholmInstant } from './stockholm-time';

describe('stockholmInstant', () => {
  it.each([
    ['2025-01-15', 8, '2025-01-15T07:00:00.000Z'],
    ['2025-07-15', 8, '2025-07-15T06:00:00.000Z'],
    // Summer time starts 2025-03-30 at 02:00 and ends 2025-10-26 at 03:00.
    ['2025-03-29', 8, '2025-03-29T07:00:00.000Z'],
    ['2025-03-30', 8, '2025-03-30T06:00:00.000Z'],
    ['2025-10-25', 8, '2025-10-25T06:00:00.000Z'],
    ['2025-10-26', 8, '2025-10-26T07:00:00.000Z'],
    ['2025-12-31', 0, '2025-12-30T23:00:00.000Z'],
    ['2025-06-30', 23, '2025-06-30T21:00:00.000Z'],
    ['2025-10-26', 1, '2025-10-25T23:00:00.000Z'],
    ['2025-10-26', 4, '2025-10-26T03:00:00.000Z'],
    ['2025-03-30', 1, '2025-03-30T00:00:00.000Z'],
    ['2025-03-30', 3, '2025-03-30T01:00:00.000Z'],
  ])('%s at %i:00 is %s', (date, hour, instant) => {
    expect(stockholmInstant(date, hour).toISOString()).toBe(instant);
    expect(stockholmDate(instant)).toBe(date);
  });

  it('agrees with the time zone database on every day of 2024–2027, at night and by day', () => {
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    });
    const wrong: string[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const hour of [0, 1, 3, 8, 23]) {
        const shown = local.format(stockholmInstant(date, hour));
        if (shown !== `${date} ${String(hour).padStart(2, '0')}`) wrong.push(`${date} ${hour}:00 → ${shown}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
