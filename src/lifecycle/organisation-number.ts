/**
 * Swedish organisationsnummer: ten digits, usually written `NNNNNN-NNNN`, the last one a Luhn
 * (mod 10) check digit over the first nine. Example: 212000-0449 (a municipality), 822004-0417
 * (a non-profit association).
 */
const FORMAT = /^(\d{6})-?(\d{4})$/;

/** `8220040417` and `822004-0417` both become `822004-0417`; anything else gives null. */
export function normaliseOrganisationNumber(value: string): string | null {
  const match = FORMAT.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

export function isValidOrganisationNumber(value: string): boolean {
  const normalised = normaliseOrganisationNumber(value);
  if (normalised === null) return false;
  const digits = normalised.replace('-', '');
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** Luhn over the nine leading digits: double every other digit, starting with the first. */
export function luhnCheckDigit(nineDigits: string): number {
  const sum = [...nineDigits].reduce((acc, char, index) => {
    const product = Number(char) * (index % 2 === 0 ? 2 : 1);
    return acc + (product > 9 ? product - 9 : product);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** Whether two organisation numbers name the same organisation, however written; an unknown one matches nothing. */
export function sameOrganisation(a: string | undefined, b: string | undefined): boolean {
  const one = a === undefined ? null : normaliseOrganisationNumber(a);
  return one !== null && one === (b === undefined ? null : normaliseOrganisationNumber(b));
}
