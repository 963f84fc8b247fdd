// The engine's own money rules (pure, no framework), so that a figure on screen and in an explanation never differ.
import { formatEnglish, formatSwedish, KRONOR_PATTERN, parseKronor } from '../../../src/money/kronor-format';
import { formatBasisPoints } from '../../../src/money/indexing';
import { parsePercent } from '../../../src/money/percent-format';

/** Dates and amounts as Swedish officials write them: `1 december 2026`, `2026-12-01`, `105 574,40 kr`. */
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
 * An amount as the API gives it (a kronor string, `"105574.40"`) as the engine writes it:
 * `105 574,40 kr` in Swedish, `105,574.40 kr` in English; exact, never through floating point.
 */
export function formatKronor(kronor: string, lang: Lang): string {
  const amount = parseKronor(kronor);
  return lang === 'sv' ? formatSwedish(amount) : formatEnglish(amount);
}

/** Whether a value is in the API's kronor form (`"472200.00"`), so a generic view may show it as money. */
export function isKronorString(value: unknown): value is string {
  return typeof value === 'string' && KRONOR_PATTERN.test(value);
}

/** An index change in the API's percent form (`"3.60"`) as officials write it: `+3,60 %`, `+3.60%`. */
export function formatPercent(percent: string, lang: Lang): string {
  return formatBasisPoints(parsePercent(percent) ?? 0, lang);
}

/** What a person typed as a percentage (`3,6`, `-0,25 %`) in the API's form (`"3.6"`); null when it is not one. */
export function percentInput(typed: string): string | null {
  const text = typed
    .replace(/[\s\u00a0%]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  return parsePercent(text) === null ? null : text;
}

/** A whole number grouped as officials read it: `164 616`, `164,616`. */
export function formatCount(count: number, lang: Lang): string {
  return count.toLocaleString(LOCALE[lang]);
}

/** Today's date in Stockholm, YYYY-MM-DD: the day a command records as its date. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
