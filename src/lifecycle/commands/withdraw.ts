import type { CommandDefinition, Recorded } from './command';
import { actingFor, receiptOf, receiptRules, RECEIVING_ROLES, type ReceiptPayload } from './receipt';
import { notBeforeReceived, notInFuture } from './rules';

/** `receipt`: the organisation's withdrawal came on paper or by e-mail and an official records it. */
export type WithdrawPayload = Omit<Recorded<'ApplicationWithdrawn'>, 'receipt'> & { receipt?: ReceiptPayload | null };

/**
 * The organisation withdraws its application, at any time before the agreement is signed: itself,
 * or by a letter or an e-mail that a registrator or handläggare records.
 */
export const withdraw: CommandDefinition<'ApplicationWithdrawn', WithdrawPayload> = {
  event: 'ApplicationWithdrawn',
  roles: ['organisation', ...RECEIVING_ROLES],
  mayIssue: (_, roles, { receipt }) => actingFor('organisation', roles, receipt),
  rules: [
    notBeforeReceived((d) => d.withdrawnOn),
    notInFuture((d) => d.withdrawnOn),
    ...receiptRules<'ApplicationWithdrawn'>(
      (d) => d.withdrawnOn,
      (d) => d.receipt,
    ),
  ],
  record: ({ receipt, ...withdrawal }) => ({ ...withdrawal, receipt: receiptOf(receipt) }),
};
