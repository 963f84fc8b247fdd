import { normaliseOrganisationNumber, type CaseFacts } from '../lifecycle';

/** The organisation number as read models store it (and visibility filters on it): normalised where it can be, else as given. */
export function organisationNumberOf(facts: Pick<CaseFacts, 'organisation'>): string | null {
  const given = facts.organisation?.organisationNumber;
  return given === undefined ? null : (normaliseOrganisationNumber(given) ?? given);
}
