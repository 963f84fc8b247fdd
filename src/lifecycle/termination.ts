import { addDays, addMonths, daysInclusive, monthEnd, type IsoDate } from '../calendar';
import { totalOf, usedAndUnused, type Computed, type Explanation, type Ore } from '../money';
import type { DateRange } from './case.values';

export interface PaidPeriod {
  amount: Ore;
  covers: DateRange;
}

/** Notice takes effect after whole calendar months: 2025-08-31 + 6 months = 2026-02-28. */
export function noticeEffectiveDate(receivedOn: IsoDate, noticeMonths: number): IsoDate {
  return addMonths(receivedOn, noticeMonths);
}

/**
 * The last day notice can be received and still take effect within the period (Linköping:
 * 2025-12-31 − 6 months = 2025-06-30): the latest day whose {@link noticeEffectiveDate} is not
 * after the period's end. Counting back from a month end lands on a month end, because counting
 * forward clamps: notice received 2025-08-31 takes effect 2026-02-28, so for a period ending
 * 2026-02-28 the last day is 2025-08-31, not 2025-08-28.
 */
export function lastDayToGiveNotice(period: DateRange, noticeMonths: number): IsoDate {
  const back = addMonths(period.end, -noticeMonths);
  return isMonthEnd(period.end) ? monthEnd(back) : back;
}

function isMonthEnd(date: IsoDate): boolean {
  return monthEnd(date) === date;
}

export interface RefundLine extends PaidPeriod {
  daysInPeriod: number;
  daysUsed: number;
  daysUnused: number;
  /** The unused part of the payment, with its arithmetic. */
  refund: Computed;
}

export interface Refund {
  /** The sum of the lines' refunds: each rounded once, so the total is exact. */
  total: Computed;
  lines: RefundLine[];
}

/**
 * Unused funds after early termination, pro rata by day over each payment's covered period: the
 * agreement is in force up to and including `terminatedOn`, funds for later days are unused. Each
 * payment is split into the part used and the part not used ({@link usedAndUnused}), so the two
 * add up to what was paid, to the öre; the explanation names the days and, for a covered period
 * that is a calendar year, whether it is a leap year.
 */
export function refundOnTermination(payments: readonly PaidPeriod[], terminatedOn: IsoDate): Refund {
  const lines = payments.map((payment): RefundLine => {
    const daysInPeriod = daysInclusive(payment.covers.start, payment.covers.end);
    const firstUnused = maxDate(addDays(terminatedOn, 1), payment.covers.start);
    const daysUnused = Math.min(daysInPeriod, Math.max(0, daysInclusive(firstUnused, payment.covers.end)));
    const daysUsed = daysInPeriod - daysUnused;
    const { unused } = usedAndUnused(payment.amount, daysUsed, daysInPeriod);
    const period = periodText(payment.covers, daysInPeriod);
    return {
      amount: payment.amount,
      covers: payment.covers,
      daysInPeriod,
      daysUsed,
      daysUnused,
      refund: { amount: unused.amount, explanation: { sv: `${period.sv}: ${unused.explanation.sv}`, en: `${period.en}: ${unused.explanation.en}` } },
    };
  });
  return { total: totalOf(lines.map((line) => ({ amount: line.refund.amount, label: periodText(line.covers, line.daysInPeriod) }))), lines };
}

/** "2024-01-01–2024-12-31, 366 dagar (skottår)": a covered calendar year says whether it is a leap year. */
function periodText({ start, end }: DateRange, days: number): Explanation {
  const wholeYear = start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31`;
  const leap = wholeYear && days === 366;
  return {
    sv: `${start}–${end}, ${days} dagar${wholeYear ? (leap ? ' (skottår)' : ' (ej skottår)') : ''}`,
    en: `${start} to ${end}, ${days} days${wholeYear ? (leap ? ' (a leap year)' : ' (not a leap year)') : ''}`,
  };
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
