import { addDays, statutoryPeriod, SwedishCalendar, type Dated, type IsoDate } from '../calendar';

const swedishCalendar = new SwedishCalendar();

/**
 * The laglighetsprövning window (Kommunallagen 13 kap. 5 §): three weeks from the day the posting
 * (anslag) of the justerat protocol was announced, ending on the next working day when its last
 * day is not one (Lag 1930:173). The deadline engine shows this same date with its working. Only
 * new events get the date computed here: streams keep the date that was computed when recorded.
 */
export function appealWindow(postedOn: IsoDate, calendar: SwedishCalendar = swedishCalendar): Dated {
  return statutoryPeriod(calendar, postedOn, 21, { sv: 'anslaget', en: 'the posting' });
}

export function appealWindowEnd(postedOn: IsoDate): IsoDate {
  return appealWindow(postedOn).date;
}

/** The decision gains legal force (laga kraft) the day after the window closes, unless appealed. */
export function finalFrom(appealWindowEndsOn: IsoDate): IsoDate {
  return addDays(appealWindowEndsOn, 1);
}
