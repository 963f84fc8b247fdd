/**
 * The API's one form for a percentage (an index value): a JSON string of digits, optionally a
 * point and one or two decimals, optionally a leading minus: `"3.6"`, `"3.60"`, `"-0.25"`. Held as
 * basis points (hundredths of a percent, {@link IndexValue.basisPoints}), so no percentage is ever
 * a floating-point number; answers always carry two decimals.
 */
export const PERCENT_PATTERN = /^-?(0|[1-9]\d{0,2})(\.\d{1,2})?$/;

/** What the API documents for a percent field (OpenAPI `pattern` and description). */
export const PERCENT_FORM = {
  type: 'string',
  pattern: PERCENT_PATTERN.source,
  description: 'Percent as a decimal string with at most two decimals, e.g. "3.60" for 3,60 % (answers always carry two).',
  example: '3.60',
} as const;

/** `"3.6"` → 360 basis points, exactly; null for anything not in the form. */
export function parsePercent(text: unknown): number | null {
  if (typeof text !== 'string' || !PERCENT_PATTERN.test(text)) return null;
  const negative = text.startsWith('-');
  const [whole, decimals = ''] = (negative ? text.slice(1) : text).split('.');
  const magnitude = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** 360 → `"3.60"`. */
export function toPercentString(basisPoints: number): string {
  const magnitude = Math.abs(basisPoints);
  return `${basisPoints < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}
