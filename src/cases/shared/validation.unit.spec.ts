import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { linkoping as L } from '../../demo/seed-cases';
import { termsInKronor } from './in-kronor';
import { VALIDATION_OPTIONS, flattenValidationErrors } from './validation';
import { TermsDto } from './values.dto';

/** Linköping's terms as a request sends them: amounts as kronor strings. */
const terms = () => termsInKronor(L.submit.terms);
const errorsOf = async (terms: object) => flattenValidationErrors(await validate(plainToInstance(TermsDto, terms), VALIDATION_OPTIONS));

describe('flattenValidationErrors', () => {
  it('lists each invalid field by its dotted path, with all its messages', async () => {
    const sent = { ...terms(), period: { start: '2023-02-29' }, exclusions: ['', 'Skyddat boende'], extra: 1 };
    expect(await errorsOf(sent)).toEqual([
      { field: 'extra', messages: ['property extra should not exist'] },
      { field: 'period.start', messages: ['start must be a calendar date YYYY-MM-DD, e.g. 2023-08-10'] },
      { field: 'period.end', messages: ['end must be a calendar date YYYY-MM-DD, e.g. 2023-08-10'] },
      { field: 'exclusions', messages: ['each value in exclusions must be a non-empty string'] },
    ]);
  });

  it('names a nested value that is not an object once, with both reasons', async () => {
    expect(await errorsOf({ ...terms(), period: '2023–2025' })).toEqual([
      { field: 'period', messages: ['period must be an object', 'nested property period must be either object or array'] },
    ]);
  });

  it('is empty for valid input', async () => {
    expect(await errorsOf(terms())).toEqual([]);
  });
});
