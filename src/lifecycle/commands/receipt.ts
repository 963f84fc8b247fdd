import type { CaseEventType, EventData } from '../case.events';
import type { PartyRole, Receipt } from '../case.values';
import type { IsoDate } from '../../calendar';
import { partyRoles, type Refusal, type Role } from './command';
import { inOrder, notInFuture, type Rule } from './rules';

/** What the request says of a receipt: how and when the organisation's document came in. */
export type ReceiptPayload = Omit<Receipt, 'onBehalfOf'>;

/** Who records what the organisation sent on paper or by e-mail. */
export const RECEIVING_ROLES = ['registrator', 'handlaggare'] as const satisfies readonly Role[];

/** The event's receipt: the request's, recorded on the organisation's behalf; null when the organisation acted itself. */
export function receiptOf(receipt: ReceiptPayload | null | undefined): Receipt | null {
  return receipt ? { channel: receipt.channel, receivedOn: receipt.receivedOn, onBehalfOf: 'organisation' } : null;
}

/**
 * Signing, giving notice and withdrawing are done for a party: the signatory acts for the
 * municipality, the representative for the organisation — or, when the organisation sent its
 * document on paper or by e-mail, a registrator or handläggare records it with a receipt.
 */
export function actingFor(party: PartyRole, roles: readonly Role[], receipt: ReceiptPayload | null | undefined): Refusal | undefined {
  if (receipt && party !== 'organisation') {
    return {
      code: 'FORBIDDEN_ROLE',
      message: "Only what the organisation sends is recorded as received: the municipality's signatory acts without a receipt.",
    };
  }
  const needed: readonly Role[] = receipt ? RECEIVING_ROLES : [partyRoles[party]];
  if (roles.some((role) => needed.includes(role))) return undefined;
  const what = receipt ? "Recording the organisation's document as received" : `Acting for the ${party}`;
  return { code: 'FORBIDDEN_ROLE', message: `${what} needs one of the roles ${needed.join(', ')}.`, required: needed };
}

/** A receipt is of a document that exists: not received before `written`, nor in the future. */
export function receiptRules<T extends CaseEventType>(written: (data: EventData<T>) => IsoDate, receipt: (data: EventData<T>) => Receipt | null): Rule<T>[] {
  return [
    inOrder<T>(
      'RECEIVED_BEFORE_WRITTEN',
      (_, data) => ({ earlier: receipt(data) ? written(data) : null, later: receipt(data)?.receivedOn ?? written(data) }),
      (e, l) => `Handlingen kan inte ha kommit in (${l}) före sitt datum (${e}).`,
      (e, l) => `The document cannot have been received (${l}) before its date (${e}).`,
    ),
    notInFuture<T>((data) => receipt(data)?.receivedOn ?? null),
  ];
}
