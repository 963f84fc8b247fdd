import { normaliseOrganisationNumber } from '../organisation-number';
import { issuing, type CommandDefinition, type IssuingPayload } from './command';
import { actingFor, receiptOf, receiptRules, RECEIVING_ROLES, type ReceiptPayload } from './receipt';
import { inOrder, notInFuture, organisationNumbersValid, rule, unless } from './rules';

/**
 * `receipt`: the organisation's signature came on paper or by e-mail and an official records it;
 * `document`: the överenskommelse signed, as the engine made it (both parties sign the same).
 */
export type SignPayload = Omit<IssuingPayload<'AgreementSigned'>, 'receipt'> & { receipt?: ReceiptPayload | null };

/**
 * One party signs the agreement; the parties sign in either order, each once. Who: the signatory
 * for the municipality, the organisation's representative for the organisation (or a registrator
 * or handläggare recording the organisation's signature received on paper or by e-mail). When: in the
 * machine's `signing` state, which only an approved decision that became final (laga kraft), or
 * survived an appeal, reaches (case.machine.ts) — and not before the day it became final.
 */
export const sign: CommandDefinition<'AgreementSigned', SignPayload> = {
  event: 'AgreementSigned',
  roles: ['signatory', 'organisation', ...RECEIVING_ROLES],
  mayIssue: (_, roles, { party, receipt }) => actingFor(party, roles, receipt),
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
    ...receiptRules<'AgreementSigned'>(
      (d) => d.signedOn,
      (d) => d.receipt,
    ),
  ],
  record: ({ receipt, ...signature }) => issuing({ ...signature, receipt: receiptOf(receipt) }),
};
