/**
 * The Swedish calendar: ISO dates in Europe/Stockholm, working days under Lag (1930:173) and the
 * statutory-period rule. A leaf: it imports nothing of the engine, so the lifecycle and the
 * deadline engine count days alike.
 */
export * from './calendar-date';
export { SwedishCalendar, type Bilingual } from './swedish-calendar';
export { onWorkingDay, statutoryPeriod, type Dated } from './statutory-period';
