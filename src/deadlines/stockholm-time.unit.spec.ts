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
});
