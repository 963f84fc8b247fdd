import type { IsoDate } from '../calendar';

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Milliseconds Stockholm's wall clock is ahead of UTC at `instant` (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(instant: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
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
  const first = asIfUtc - offsetAt(asIfUtc - 3_600_000);
  return new Date(asIfUtc - offsetAt(first));
}
