/** Client-side checks that mirror the service's (src/cases/shared/validation.ts): the same answer before the request is sent. */

/** Ten digits NNNNNN-NNNN (the hyphen may be left out) whose last is the Luhn check digit of the first nine. */
export function isOrganisationNumber(value: string): boolean {
  const digits = value.trim().replace('-', '');
  if (!/^\d{6}-?\d{4}$/.test(value.trim())) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const doubled = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** A real calendar date YYYY-MM-DD (2023-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A whole number ≥ 0, as typed. */
export function isWholeNumber(value: string): boolean {
  return /^\d+$/.test(value.trim());
}

/** Kronor as typed, with öre or without: `472200`, `3,50` or `3.50` (a decimal comma is how Swedes write it). */
export function isKronor(value: string): boolean {
  return /^(0|[1-9]\d*)([.,]\d{1,2})?$/.test(value.trim());
}

/** The API's kronor form (a decimal string with a point) of what {@link isKronor} accepts. */
export function kronorText(value: string): string {
  return value.trim().replace(',', '.');
}

/** One entry per non-empty line. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
