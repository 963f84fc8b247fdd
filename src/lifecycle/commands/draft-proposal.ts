import type { CommandDefinition, Recorded } from './command';
import { inOrder, notInFuture, termsValid } from './rules';

export type DraftProposalPayload = Recorded<'ProposalDrafted'>;

/** The officer's proposal (tjänsteutlåtande); drafting again makes a new revision. Its terms become the case's. */
export const draftProposal: CommandDefinition<'ProposalDrafted', DraftProposalPayload> = {
  event: 'ProposalDrafted',
  roles: ['handlaggare'],
  rules: [
    ...termsValid<'ProposalDrafted'>((d) => d.terms),
    inOrder(
      'DRAFTED_BEFORE_REGISTERED',
      (f, d) => ({ earlier: f.registeredOn, later: d.draftedOn }),
      (e, l) => `Tjänsteutlåtandet (${l}) kan inte vara daterat före registreringen (${e}).`,
      (e, l) => `The proposal (${l}) cannot be dated before the case was registered (${e}).`,
    ),
    notInFuture((d) => d.draftedOn),
  ],
};
