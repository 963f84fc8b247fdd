import Holidays from 'date-holidays';
import { addDays, addMonths, type IsoDate } from './calendar-date';

/** A text in both languages the engine speaks: Swedish for officials, English for the rest. */
export interface Bilingual {
  sv: string;
  en: string;
}

/**
 * Lag (1930:173) 1 § lists these three eves next to the public holidays. The library marks them
 * as bank holidays, a type that could grow, so they are recognised by their Swedish names instead.
 */
const STATUTORY_EVES: ReadonlySet<string> = new Set(['midsommarafton', 'julafton', 'nyårsafton']);

const WEEKEND: Readonly<Record<number, Bilingual>> = {
  0: { sv: 'söndag', en: 'Sunday' },
  6: { sv: 'lördag', en: 'Saturday' },
};

/**
 * Swedish working days, as Lag (1930:173) om beräkning av lagstadgad tid counts them: not a
 * Saturday, Sunday, public holiday (allmän helgdag), midsommarafton, julafton or nyårsafton.
 * Holidays come from `date-holidays` (country SE), so movable feasts follow its rules, not a
 * hand-kept table. Pure: the answers depend only on the date; each year is looked up once.
 */
export class SwedishCalendar {
  private readonly years = new Map<number, ReadonlyMap<IsoDate, Bilingual>>();

  constructor(private readonly holidays: Holidays = new Holidays('SE')) {}

  /** Why `date` is not a working day ("långfredagen", "lördag", "julafton, lördag"), or null. */
  whyNotWorkingDay(date: IsoDate): Bilingual | null {
    const holiday = this.holidaysOf(Number(date.slice(0, 4))).get(date);
    const weekend = WEEKEND[new Date(`${date}T00:00:00Z`).getUTCDay()];
    if (holiday && weekend) return { sv: `${holiday.sv}, ${weekend.sv}`, en: `${holiday.en}, a ${weekend.en}` };
    return holiday ?? weekend ?? null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.whyNotWorkingDay(date) === null;
  }

  /** The first working day after `date` (strictly after). */
  nextWorkingDay(date: IsoDate): IsoDate {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** Calendar months, clamped to the month's last day: 2025-08-31 + 6 months = 2026-02-28. */
  addMonths(date: IsoDate, months: number): IsoDate {
    return addMonths(date, months);
  }

  addDays(date: IsoDate, days: number): IsoDate {
    return addDays(date, days);
  }

  private holidaysOf(year: number): ReadonlyMap<IsoDate, Bilingual> {
    const cached = this.years.get(year);
    if (cached) return cached;
    const english = new Map(this.holidays.getHolidays(year, 'en').map((h) => [h.rule, h.name]));
    const daysOff = new Map<IsoDate, Bilingual>();
    for (const holiday of this.holidays.getHolidays(year, 'sv')) {
      if (holiday.type !== 'public' && !STATUTORY_EVES.has(holiday.name)) continue;
      const date = holiday.date.slice(0, 10);
      const name = { sv: holiday.name, en: english.get(holiday.rule) ?? holiday.name };
      const sameDay = daysOff.get(date);
      daysOff.set(date, sameDay ? { sv: `${sameDay.sv} och ${name.sv}`, en: `${sameDay.en} and ${name.en}` } : name);
    }
    this.years.set(year, daysOff);
    return daysOff;
  }
}
