import { describe, expect, it } from '@jest/globals';
import { isValidOrganisationNumber, luhnCheckDigit, normaliseOrganisationNumber } from './organisation-number';

describe('organisationsnummer', () => {
  it.each(['212000-0449', '822004-0417', '2120000449', ' 822004-0417 '])('%s is valid', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(true);
  });

  it.each(['212000-0448', '822004-0418', '822004-041', '82200404170', '822004_0417', '', 'abcdef-ghij'])('%s is not', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(false);
  });

  it('computes the Luhn digit over the first nine digits', () => {
    expect(luhnCheckDigit('212000044')).toBe(9);
    expect(luhnCheckDigit('822004041')).toBe(7);
  });

  it('normalises to NNNNNN-NNNN', () => {
    expect(normaliseOrganisationNumber('8220040417')).toBe('822004-0417');
    expect(normaliseOrganisationNumber('822004-041')).toBeNull();
  });
});
