import type { CommandDefinition, Recorded } from './command';
import { notInFuture, rule, unless } from './rules';

/** Given when the linked new case is signed (by the engine's process manager, or an officer). */
export type CompleteRenewalPayload = Recorded<'RenewalCompleted'>;

/** The renewal case was signed: this case ends as renewed. */
export const completeRenewal: CommandDefinition<'RenewalCompleted', CompleteRenewalPayload> = {
  event: 'RenewalCompleted',
  roles: ['handlaggare'],
  rules: [
    rule('RENEWAL_CASE_MISMATCH', (f, d) =>
      unless(f.renewal?.newCaseId === d.newCaseId, 'Det är inte det ärende som förnyelsen startade.', 'That is not the case the renewal started.'),
    ),
    notInFuture((d) => d.completedOn),
  ],
};
