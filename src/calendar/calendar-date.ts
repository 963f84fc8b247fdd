/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`, Europe/Stockholm). ISO dates sort as strings, so
 * comparisons are plain `<`/`>`; arithmetic goes through UTC midnight, which has no DST jumps.
 * No date library is installed, and these few operations do not justify one.
 */
export type IsoDate = string;
/** An ISO 8601 timestamp with an offset or `Z`, e.g. `2025-08-31T09:15:00+02:00`. */
export type Timestamp = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && toIso(toUtc(value)) === value;
}

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Calendar months, clamped to the month's last day: 2025-08-31 + 6 months = 2026-02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  return toIso(new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDayOf(targetYear, targetMonth)))));
}

/** The last day of the date's month: 2024-02-10 → 2024-02-29. */
export function monthEnd(date: IsoDate): IsoDate {
  const [year, month] = parts(date);
  return toIso(new Date(Date.UTC(year, month - 1, lastDayOf(year, month - 1))));
}

/** Day 0 of the next month is this month's last day. */
function lastDayOf(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Days from `from` to `to` counting both ends: a whole year 2025 is 365 days. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS) + 1;
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

const stockholm = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Stockholm calendar date of an instant: 2025-12-31T23:30:00Z is already 2026-01-01 there. */
export function stockholmDate(timestamp: Timestamp): IsoDate {
  // en-CA writes dates as YYYY-MM-DD; format() is a third of formatToParts' cost, and guards call this on every transition.
  return stockholm.format(new Date(timestamp));
}

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function toUtc(date: IsoDate): Date {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
