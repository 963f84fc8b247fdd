import type { CommandDefinition, Recorded } from './command';
import { notBeforeReceived, notInFuture } from './rules';

export type CloseIneligiblePayload = Recorded<'ClosedAsIneligible'>;

/** Closing a case that is not an IOP (e.g. a procurement in disguise). */
export const closeIneligible: CommandDefinition<'ClosedAsIneligible', CloseIneligiblePayload> = {
  event: 'ClosedAsIneligible',
  roles: ['handlaggare', 'chef'],
  rules: [notBeforeReceived((d) => d.closedOn), notInFuture((d) => d.closedOn)],
};
