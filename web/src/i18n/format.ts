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

/**
 * An amount as the API gives it (a kronor string, `"105574.40"`) as officials write it, with öre, like
 * the engine's formatSwedish: `105 574,40 kr` (no-break spaces, U+2212 for minus), `105,574.40 kr`.
 * Worked on the digits: the amount never passes through a floating-point number.
 */
export function formatAmount(kronor: string, lang: Lang): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(kronor);
  if (!match) return kronor;
  const [, minus, whole, decimals = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
  const sign = minus ? (lang === 'sv' ? '\u2212' : '-') : '';
  return `${sign}${grouped}${lang === 'sv' ? ',' : '.'}${decimals.padEnd(2, '0')}${lang === 'sv' ? '\u00a0' : ' '}kr`;
}

/** Today's date in Stockholm, YYYY-MM-DD: the day a command records as its date. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
