import type { CommandDefinition, Recorded } from './command';
import { notBeforeReceived, notInFuture } from './rules';

export type WithdrawPayload = Recorded<'ApplicationWithdrawn'>;

/** The organisation withdraws its application, at any time before the agreement is signed. */
export const withdraw: CommandDefinition<'ApplicationWithdrawn', WithdrawPayload> = {
  event: 'ApplicationWithdrawn',
  roles: ['organisation'],
  rules: [notBeforeReceived((d) => d.withdrawnOn), notInFuture((d) => d.withdrawnOn)],
};
