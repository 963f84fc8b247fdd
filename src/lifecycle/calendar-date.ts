/** Calendar dates live in src/calendar; this path stays for callers written before the move. */
export * from '../calendar/calendar-date';
