import type { CommandDefinition, Recorded } from './command';
import { notInFuture } from './rules';

/** The new case's id is the engine's: it opens the linked case. */
export type StartRenewalPayload = Recorded<'RenewalStarted'>;

/** Starting a renewal opens the next agreement period as a new, linked case. */
export const startRenewal: CommandDefinition<'RenewalStarted', StartRenewalPayload> = {
  event: 'RenewalStarted',
  roles: ['handlaggare'],
  rules: [notInFuture((d) => d.startedOn)],
};
