import { stockholmDate, type IsoDate } from '../calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Milliseconds Stockholm's wall clock is ahead of UTC at `instant`: one hour, or two in summer.
 * Its clocks change only at 01:00 UTC, so the offset holds from one 01:00 UTC to the next; at
 * 22:30 UTC within that span Stockholm's date is already the next day exactly when it is two hours
 * ahead. So the calendar's one Stockholm date formatter answers it.
 */
function offsetAt(instant: number): number {
  const probe = new Date(instant - ((((instant - HOUR) % DAY) + DAY) % DAY) + 21.5 * HOUR).toISOString();
  return stockholmDate(probe) === probe.slice(0, 10) ? HOUR : 2 * HOUR;
}

/**
 * The instant when Stockholm's clocks show `hour`:00 on `date`, across summer time: 08:00 on
 * 2025-03-30 is 06:00Z, on 2025-03-29 07:00Z. The changes happen at night (02:00–03:00), so the
 * hours a notification hour sensibly takes are never skipped or doubled.
 */
export function stockholmInstant(date: IsoDate, hour: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, hour);
  // The offset at the guess is right unless a change lies between the guess and the answer; a second look settles it.
  const first = asIfUtc - offsetAt(asIfUtc - HOUR);
  return new Date(asIfUtc - offsetAt(first));
}
