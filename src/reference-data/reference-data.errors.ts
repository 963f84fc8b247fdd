import { EngineError } from '../shared/engine-error';

/**
 * REFERENCE_DATA_MISSING: the tenant lacks what a request needs (`details.missing`, and in
 * `details.sv` / `details.en` what an administrator must add, and where); PRECONDITION_FAILED:
 * If-Match names an older revision of the reference data; INDEX_SERIES_NOT_FOUND: a value for a
 * series that was never set up.
 */
export class ReferenceDataError extends EngineError<'REFERENCE_DATA_MISSING' | 'PRECONDITION_FAILED' | 'INDEX_SERIES_NOT_FOUND'> {}

/** What a tenant can lack, and what an administrator adds for it. */
const WHAT_TO_ADD = {
  municipality: {
    sv: 'kommunens namn och organisationsnummer (PUT /reference-data/municipality)',
    en: "the municipality's name and organisationsnummer (PUT /reference-data/municipality)",
  },
  bodies: {
    sv: 'kommunens beslutande organ: nämnder, utskott och fullmäktige (PUT /reference-data/bodies/{code})',
    en: "the municipality's deciding bodies: boards, committees and the council (PUT /reference-data/bodies/{code})",
  },
  diarium: {
    sv: 'ett beslutande organ med en diarieserie, t.ex. kommunstyrelsen (PUT /reference-data/bodies/{code} med `diarium`)',
    en: 'a deciding body with a diarium series, e.g. the municipal board (PUT /reference-data/bodies/{code} with `diarium`)',
  },
} as const;
export type MissingReferenceData = keyof typeof WHAT_TO_ADD;

/** The clear refusal of a request the tenant's reference data cannot serve yet: not a field's fault, an administrator's task. */
export function referenceDataMissing(tenant: string, missing: MissingReferenceData): ReferenceDataError {
  const { sv, en } = WHAT_TO_ADD[missing];
  return new ReferenceDataError('REFERENCE_DATA_MISSING', `The reference data of ${tenant} is not set up: an administrator must first add ${en}.`, {
    missing,
    sv: `Referensdata för ${tenant} saknas: en administratör måste först lägga in ${sv}.`,
    en: `The reference data of ${tenant} is not set up: an administrator must first add ${en}.`,
  });
}
