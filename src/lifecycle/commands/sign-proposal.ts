import { issuing, type CommandDefinition, type IssuingPayload } from './command';
import { inOrder, notInFuture } from './rules';

export type SignProposalPayload = IssuingPayload<'ProposalSigned'>;

/** The head of department (chef) signs the proposal before it goes to a meeting. */
export const signProposal: CommandDefinition<'ProposalSigned', SignProposalPayload> = {
  event: 'ProposalSigned',
  roles: ['chef'],
  rules: [
    inOrder(
      'SIGNED_BEFORE_DRAFTED',
      (f, d) => ({ earlier: f.proposal?.draftedOn ?? null, later: d.signedOn }),
      (e, l) => `Tjänsteutlåtandet kan inte undertecknas (${l}) före det upprättades (${e}).`,
      (e, l) => `The proposal cannot be signed (${l}) before it was drafted (${e}).`,
    ),
    notInFuture((d) => d.signedOn),
  ],
  record: issuing,
};
