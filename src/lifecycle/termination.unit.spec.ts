import { describe, expect, it } from '@jest/globals';
import { addDays } from '../calendar';
import { yearlyAmount } from './case.values';
import { lastDayToGiveNotice, noticeEffectiveDate, refundOnTermination } from './termination';

const year = (y: number, amount: number) => ({ amount, covers: { start: `${y}-01-01`, end: `${y}-12-31` } });

describe('notice', () => {
  it('takes effect after the notice months, in calendar months', () => {
    expect(noticeEffectiveDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(noticeEffectiveDate('2019-03-31', 9)).toBe('2019-12-31');
  });

  it('has a last day that still ends within the period (Linköping: 2025-06-30)', () => {
    expect(lastDayToGiveNotice({ start: '2023-01-01', end: '2025-12-31' }, 6)).toBe('2025-06-30');
  });
});

describe('refund of unused funds on early termination', () => {
  it('is pro rata by day over the paid period', () => {
    // In force through 2025-09-30: 92 of 365 days unused.
    expect(refundOnTermination([year(2025, 507_290)], '2025-09-30').total).toBe(Math.round((507_290 * 92) / 365));
  });

  it('is nothing for periods already used, everything for periods not begun', () => {
    const refund = refundOnTermination([year(2024, 491_560), year(2025, 507_290), year(2026, 520_000)], '2025-12-31');
    expect(refund.lines.map((l) => l.unusedDays)).toEqual([0, 0, 365]);
    expect(refund.total).toBe(520_000);
  });

  it('rounds once, over the total', () => {
    const half = { amount: 1, covers: { start: '2025-01-01', end: '2025-01-02' } };
    expect(refundOnTermination([half, half, half], '2025-01-01').total).toBe(2);
  });

  it('is zero without payments', () => {
    expect(refundOnTermination([], '2025-09-30')).toEqual({ total: 0, lines: [] });
  });
});

describe('funding', () => {
  it('per inhabitant: 3 kr × 6 784 inhabitants = 20 352 kr (Robertsfors 2018)', () => {
    expect(yearlyAmount({ kind: 'perInhabitant', amountPerInhabitant: 3, inhabitants: 6_784 })).toBe(20_352);
    expect(yearlyAmount({ kind: 'fixed', amountPerYear: 472_200 })).toBe(472_200);
  });
});

describe('the last day to give notice, for every period end of four years', () => {
  it('is the latest day whose notice still takes effect within the period', () => {
    for (let end = '2023-01-01'; end <= '2026-12-31'; end = addDays(end, 1)) {
      for (const months of [1, 3, 6, 9, 12]) {
        const last = lastDayToGiveNotice({ start: '2020-01-01', end }, months);
        expect({ end, months, inTime: noticeEffectiveDate(last, months) <= end, dayLate: noticeEffectiveDate(addDays(last, 1), months) > end }).toEqual({
          end,
          months,
          inTime: true,
          dayLate: true,
        });
      }
    }
  });
});
