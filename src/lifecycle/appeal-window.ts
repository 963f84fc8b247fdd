import { addDays, type IsoDate } from './calendar-date';

/**
 * The laglighetsprövning window (Kommunallagen 13 kap. 5 §): three weeks from the day the
 * posting (anslag) of the justerat protocol was announced. This simple version ignores
 * weekends and holidays; the deadline module will replace it with the rule of Lag (1930:173)
 * (a period ending on a Saturday, Sunday or public holiday ends on the next working day).
 * Only the date of the event changes: streams keep the date that was computed when recorded.
 */
export function appealWindowEnd(postedOn: IsoDate): IsoDate {
  return addDays(postedOn, 21);
}

/** The decision gains legal force (laga kraft) the day after the window closes, unless appealed. */
export function finalFrom(appealWindowEndsOn: IsoDate): IsoDate {
  return addDays(appealWindowEndsOn, 1);
}
