import { SwedishCalendar } from '../deadlines/calendar';
import { appealWindow } from '../deadlines/deadline-rules';
import { addDays, type IsoDate } from './calendar-date';

const swedishCalendar = new SwedishCalendar();

/**
 * The laglighetsprövning window (Kommunallagen 13 kap. 5 §): three weeks from the day the posting
 * (anslag) of the justerat protocol was announced, ending on the next working day when its last
 * day is not one (Lag 1930:173) — the deadline module's rule, so both agree. Only new events get
 * the date computed here: streams keep the date that was computed when they were recorded.
 */
export function appealWindowEnd(postedOn: IsoDate): IsoDate {
  return appealWindow(postedOn, swedishCalendar)[0].date;
}

/** The decision gains legal force (laga kraft) the day after the window closes, unless appealed. */
export function finalFrom(appealWindowEndsOn: IsoDate): IsoDate {
  return addDays(appealWindowEndsOn, 1);
}
