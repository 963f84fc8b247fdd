import { normaliseOrganisationNumber } from '../organisation-number';
import { actingForParty, type CommandDefinition, type Recorded } from './command';
import { inOrder, notInFuture, organisationNumbersValid, rule, unless } from './rules';

export type SignPayload = Recorded<'AgreementSigned'>;

/**
 * One party signs the agreement; the parties sign in either order, each once. Who: the signatory
 * for the municipality, the organisation's representative for the organisation. When: in the
 * machine's `signing` state, which only an approved decision that became final (laga kraft), or
 * survived an appeal, reaches (case.machine.ts) — and not before the day it became final.
 */
export const sign: CommandDefinition<'AgreementSigned', SignPayload> = {
  event: 'AgreementSigned',
  roles: ['signatory', 'organisation'],
  mayIssue: actingForParty,
  rules: [
    organisationNumbersValid((d) => [{ organisationNumber: d.organisationNumber, who: d.party }]),
    rule('ORGANISATION_NUMBER_MISMATCH', (f, d) => {
      const expected = f[d.party]?.organisationNumber;
      return unless(
        expected === undefined || normaliseOrganisationNumber(expected) === normaliseOrganisationNumber(d.organisationNumber),
        `Organisationsnumret ${d.organisationNumber} stämmer inte med partens (${expected}).`,
        `Organisation number ${d.organisationNumber} does not match the party's (${expected}).`,
      );
    }),
    rule('PARTY_ALREADY_SIGNED', (f, d) => unless(f.signatures[d.party] === null, 'Parten har redan undertecknat.', `The ${d.party} has already signed.`)),
    inOrder(
      'SIGNED_BEFORE_FINAL',
      (f, d) => ({ earlier: f.finalOn, later: d.signedOn }),
      (e, l) => `Överenskommelsen kan inte undertecknas (${l}) innan beslutet vunnit laga kraft (${e}).`,
      (e, l) => `The agreement cannot be signed (${l}) before the decision became final (${e}).`,
    ),
    notInFuture((d) => d.signedOn),
  ],
};
