import { addDays, addMonths, daysInclusive, monthEnd, type IsoDate } from '../calendar';
import type { DateRange } from './case.values';

export interface PaidPeriod {
  /** Whole kronor. */
  amount: number;
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

export interface Refund {
  /** Whole kronor, rounded once over the total so that rounding does not add up per payment. */
  total: number;
  lines: Array<PaidPeriod & { unusedDays: number; refund: number }>;
}

/**
 * Unused funds after early termination, pro rata by day over each payment's covered period.
 * The agreement is in force up to and including `terminatedOn`; funds for later days are unused.
 */
export function refundOnTermination(payments: readonly PaidPeriod[], terminatedOn: IsoDate): Refund {
  const lines = payments.map((payment) => {
    const coveredDays = daysInclusive(payment.covers.start, payment.covers.end);
    const firstUnused = maxDate(addDays(terminatedOn, 1), payment.covers.start);
    const unusedDays = Math.max(0, daysInclusive(firstUnused, payment.covers.end));
    return { ...payment, unusedDays, refund: (payment.amount * unusedDays) / coveredDays };
  });
  return { total: Math.round(lines.reduce((sum, line) => sum + line.refund, 0)), lines };
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
