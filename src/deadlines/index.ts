/** Deadline rules: pure functions of a case's facts and the Swedish calendar (no clock, no I/O). */
export { SwedishCalendar, type Bilingual } from '../calendar';
export * from './deadline-rules';
export { deadlinesOf } from './deadlines-of';
export * from './deadline-status';
