/** Calendar arithmetic on YYYY-MM-DD dates, as dates (UTC noon: no time zone or summer time can move a day). */

function parse(date: string): Date {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `2026-12` → its first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  return { from: iso(new Date(Date.UTC(year, m - 1, 1, 12))), to: iso(new Date(Date.UTC(year, m, 0, 12))) };
}

export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number);
  return iso(new Date(Date.UTC(year, m - 1 + months, 1, 12))).slice(0, 7);
}

/** The weeks of a month, Monday first, as rows of dates (null outside the month). */
export function weeksOf(month: string): (string | null)[][] {
  const { from, to } = monthRange(month);
  const lead = (parse(from).getUTCDay() + 6) % 7; // days before the 1st in its week, Monday = 0
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}
