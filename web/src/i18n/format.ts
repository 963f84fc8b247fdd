/** Dates and amounts as Swedish officials write them: `1 december 2026`, `2026-12-01`, `20 352 kr`. */
export type Lang = 'sv' | 'en';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) in words: `1 december 2026`. Read as a date, not a moment, so no time zone shifts it. */
export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** A moment in Stockholm's time: `1 december 2026 14:05`. */
export function formatDateTime(isoTimestamp: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(isoTimestamp));
}

/** An amount in kronor (the API's unit): `20 352 kr`, with öre only when there are any (`20 352,50 kr`). */
export function formatAmount(kronor: number, lang: Lang): string {
  const fraction = Number.isInteger(kronor) ? 0 : 2;
  const number = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(kronor);
  return `${number} kr`;
}

/** Today's date in Stockholm, YYYY-MM-DD: the day a command records as its date. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
