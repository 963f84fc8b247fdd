import { sameOrganisation } from '../organisation-number';
import type { CommandDefinition, Recorded } from './command';
import { notInFuture, organisationNumbersValid, termsValid } from './rules';

export type SubmitApplicationPayload = Recorded<'ApplicationSubmitted'>;

/**
 * An organisation applies; paper applications are entered by the registrator on its behalf. An
 * organisation applies for itself only.
 */
export const submitApplication: CommandDefinition<'ApplicationSubmitted', SubmitApplicationPayload> = {
  event: 'ApplicationSubmitted',
  roles: ['organisation', 'registrator'],
  mayIssue: (issuer, _, { organisation }) =>
    issuer.roles.includes('registrator') || sameOrganisation(issuer.organisationNumber, organisation.organisationNumber)
      ? undefined
      : { code: 'FORBIDDEN_ORGANISATION', message: 'An organisation applies for itself only.' },
  rules: [
    organisationNumbersValid((d) => [
      { organisationNumber: d.municipality.organisationNumber, who: d.municipality.name },
      { organisationNumber: d.organisation.organisationNumber, who: d.organisation.name },
    ]),
    ...termsValid<'ApplicationSubmitted'>((d) => d.terms),
    notInFuture((d) => d.receivedOn),
  ],
};
