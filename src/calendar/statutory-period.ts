import { addDays, type IsoDate } from './calendar-date';
import type { Bilingual, SwedishCalendar } from './swedish-calendar';

/** A date with the working a person can check by hand. */
export interface Dated {
  date: IsoDate;
  explanation: Bilingual;
}

const LAG_1930_173: Bilingual = { sv: 'lag (1930:173) om beräkning av lagstadgad tid', en: 'Lag (1930:173) on computing statutory periods' };

/**
 * A statutory period: `from` + `days`, moved by Lag (1930:173) when its last day is not a working
 * day. `what` names the day counted from ("anslaget" / "the posting").
 */
export function statutoryPeriod(calendar: SwedishCalendar, from: IsoDate, days: number, what: Bilingual): Dated {
  const date = addDays(from, days);
  const span = days % 7 === 0 ? { sv: `${days / 7} veckor`, en: `${days / 7} weeks` } : { sv: `${days} dagar`, en: `${days} days` };
  const sum = { sv: `${what.sv} ${from} + ${span.sv} = ${date}`, en: `${what.en} ${from} + ${span.en} = ${date}` };
  return onWorkingDay(calendar, date, sum, LAG_1930_173);
}

/** `date` if it is a working day, else the next one, naming every day passed over and why. */
export function onWorkingDay(calendar: SwedishCalendar, date: IsoDate, sum: Bilingual, law?: Bilingual): Dated {
  if (calendar.isWorkingDay(date)) return { date, explanation: sum };
  const moved = calendar.nextWorkingDay(date);
  const skipped: { sv: string[]; en: string[] } = { sv: [], en: [] };
  for (let day = date; day < moved; day = addDays(day, 1)) {
    const why = calendar.whyNotWorkingDay(day);
    // Days between two non-working days can only be non-working; `why` is never null here.
    skipped.sv.push(`${day} (${why?.sv})`);
    skipped.en.push(`${day} (${why?.en})`);
  }
  const basis = law ? { sv: ` enligt ${law.sv}`, en: ` under ${law.en}` } : { sv: '', en: '' };
  return {
    date: moved,
    explanation: {
      sv: `${sum.sv}; flyttas till nästa vardag ${moved}${basis.sv} eftersom ${list(skipped.sv, 'och')} inte är ${skipped.sv.length > 1 ? 'vardagar' : 'en vardag'}`,
      en: `${sum.en}; moved to the next working day ${moved}${basis.en} because ${list(skipped.en, 'and')} ${skipped.en.length > 1 ? 'are not working days' : 'is not a working day'}`,
    },
  };
}

function list(items: readonly string[], and: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}` : items.join('');
}
