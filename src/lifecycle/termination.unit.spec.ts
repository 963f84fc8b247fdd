import { describe, expect, it } from '@jest/globals';
import { addDays } from '../calendar';
import fc from 'fast-check';
import { kronor, ore, share, type Ore } from '../money';
import { lastDayToGiveNotice, noticeEffectiveDate, refundOnTermination } from './termination';

const year = (y: number, amount: Ore) => ({ amount, covers: { start: `${y}-01-01`, end: `${y}-12-31` } });
const NBSP = '\u00a0';

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
  it('is pro rata by day over the paid period, to the öre, with its arithmetic', () => {
    // In force through 2025-09-30: 273 days used, 92 of 365 unused.
    const refund = refundOnTermination([year(2025, ore(50_729_013))], '2025-09-30');
    expect(refund.total.amount).toBe(ore(12_786_491));
    expect(refund.lines[0]).toMatchObject({ daysInPeriod: 365, daysUsed: 273, daysUnused: 92 });
    expect(refund.lines[0].refund.explanation.sv.replaceAll(NBSP, ' ')).toBe(
      '2025-01-01–2025-12-31, 365 dagar (ej skottår): 507 290,13 kr för 365 dagar, varav 273 använda och 92 oanvända: ' +
        '507 290,13 kr − 507 290,13 kr × 273/365 (379 425,22 kr, avrundat till närmaste öre, halva ören uppåt) = 127 864,91 kr',
    );
  });

  it('counts the days of a leap year', () => {
    // 2024 has 366 days; in force through 2024-09-30: 274 used, 92 unused.
    const refund = refundOnTermination([year(2024, ore(49_156_020))], '2024-09-30');
    expect(refund.lines[0]).toMatchObject({ daysInPeriod: 366, daysUsed: 274, daysUnused: 92 });
    // 49 156 020 × 274/366 = 36 799 861,97 öre → 36 799 862 used; 49 156 020 − 36 799 862 = 12 356 158 öre unused
    expect(refund.total.amount).toBe(ore(12_356_158));
    expect(refund.lines[0].refund.explanation.en).toContain('2024-01-01 to 2024-12-31, 366 days (a leap year)');
  });

  it('is nothing for periods already used, everything for periods not begun', () => {
    const refund = refundOnTermination([year(2024, kronor(491_560)), year(2025, kronor(507_290)), year(2026, kronor(520_000))], '2025-12-31');
    expect(refund.lines.map((l) => l.daysUnused)).toEqual([0, 0, 365]);
    expect(refund.total.amount).toBe(kronor(520_000));
  });

  it('is zero without payments', () => {
    expect(refundOnTermination([], '2025-09-30').total.amount).toBe(0);
  });

  it('never refunds more than was paid, and what is refunded and used add up to the payment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 10 }).map(ore),
        fc.integer({ min: 2023, max: 2026 }),
        fc.integer({ min: -400, max: 800 }),
        (amount, y, offset) => {
          const terminatedOn = addDays(`${y}-01-01`, offset);
          const [line] = refundOnTermination([year(y, amount)], terminatedOn).lines;
          expect(line.daysUsed + line.daysUnused).toBe(line.daysInPeriod);
          expect(line.refund.amount >= 0 && line.refund.amount <= amount).toBe(true);
          expect(line.refund.amount).toBe(amount - share(amount, line.daysUsed, line.daysInPeriod));
        },
      ),
    );
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
