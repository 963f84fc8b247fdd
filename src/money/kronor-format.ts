import { ore, type Ore } from './money';

/**
 * The API's one form for kronor: a JSON string of digits, optionally a point and one or two
 * decimals, optionally a leading minus: `"472200"`, `"105574.4"`, `"105574.40"`, `"-12.50"`.
 * A string, not a JSON number: a number passes through binary floating point in most clients
 * (105574.4 is not exactly representable), a string carries the decimal as written. Answers are
 * always given with two decimals ({@link toKronorString}).
 */
export const KRONOR_PATTERN = /^-?(0|[1-9]\d*)(\.\d{1,2})?$/;

/** What the API documents for a kronor field (OpenAPI `pattern` and description). */
export const KRONOR_FORM = {
  type: 'string',
  pattern: KRONOR_PATTERN.source,
  description: 'Kronor as a decimal string with at most two decimals, e.g. "105574.40" (answers always carry two).',
  example: '105574.40',
} as const;

export class InvalidKronor extends Error {
  constructor(readonly text: unknown) {
    super(`${JSON.stringify(text)} is not an amount in kronor: a string of digits with at most two decimals, e.g. "105574.40".`);
  }
}

/** Parses the API's kronor form into öre, exactly (no floating point): `"105574.4"` → 10 557 440 öre. */
export function parseKronor(text: unknown): Ore {
  if (typeof text !== 'string' || !KRONOR_PATTERN.test(text)) throw new InvalidKronor(text);
  const negative = text.startsWith('-');
  const [whole, decimals = ''] = (negative ? text.slice(1) : text).split('.');
  const magnitude = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  const value = Number(negative ? -magnitude : magnitude);
  if (!Number.isSafeInteger(value)) throw new InvalidKronor(text);
  return ore(value === 0 ? 0 : value);
}

/** The API's form of an amount: always two decimals, `"105574.40"`. */
export function toKronorString(amount: Ore): string {
  const { sign, whole, decimals } = parts(amount);
  return `${sign ? '-' : ''}${whole}.${decimals}`;
}

/** NO-BREAK SPACE: a figure and its unit never break across lines in a letter. */
const NBSP = '\u00a0';
/** Swedish typography writes a minus sign (U+2212), as `Intl.NumberFormat('sv-SE')` does. */
const MINUS = '\u2212';

/** Swedish texts: `105 574,40 kr` (groups of three, decimal comma, two decimals; no-break spaces). */
export function formatSwedish(amount: Ore): string {
  const { sign, whole, decimals } = parts(amount);
  return `${sign ? MINUS : ''}${group(whole, NBSP)},${decimals}${NBSP}kr`;
}

/** English texts: `105,574.40 kr`. */
export function formatEnglish(amount: Ore): string {
  const { sign, whole, decimals } = parts(amount);
  return `${sign ? '-' : ''}${group(whole, ',')}.${decimals} kr`;
}

function parts(amount: Ore): { sign: boolean; whole: string; decimals: string } {
  const magnitude = Math.abs(ore(amount));
  const cents = magnitude % 100;
  return { sign: amount < 0, whole: String((magnitude - cents) / 100), decimals: String(cents).padStart(2, '0') };
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A whole number for texts, grouped: `6 784` (Swedish), `6,784` (English). */
export function formatCount(count: number, language: 'sv' | 'en'): string {
  return group(String(count), language === 'sv' ? NBSP : ',');
}
