import type { StoreTransaction } from '../event-store/event-store.port';

/** Who is told, by role; the notifications module resolves a role to addresses and channels. */
export type RecipientRole = 'officer' | 'manager' | 'boardSecretary' | 'organisationContact';

/** The deadline a notification is about, as the deadline rules gave it (kind, date, how the date was computed). */
export interface NotifiedDeadline {
  readonly kind: string;
  readonly key: string;
  readonly date: string;
  readonly rule: string;
  readonly explanation: { readonly sv: string; readonly en: string };
}

/**
 * What the scheduler asks to be told when a timer fires. It is written in the same transaction
 * that marks the timer fired (and appends the case's event, where the machine acts), so a firing
 * and its notifications commit together or not at all.
 */
export interface NotificationIntent {
  /** Deterministic per timer firing and recipient, so a repeated firing enqueues nothing new. */
  readonly id: string;
  readonly tenant: string;
  readonly caseId: string;
  readonly deadline: NotifiedDeadline;
  /** `reminder`: ahead of the date; `due`: the date has come; `acted`: the engine recorded the case's event. */
  readonly occasion: 'reminder' | 'due' | 'acted';
  /** Days before the deadline's date (0 when due or acted). */
  readonly daysBefore: number;
  readonly recipient: RecipientRole;
  /** What the text names: the case's diarienummer, organisation and officer as the case stands. */
  readonly case: {
    readonly diarienummer: string | null;
    readonly organisation: string;
    readonly officer: { readonly id: string; readonly name: string } | null;
  };
  /**
   * On an intent for the organisation's contact: whether the case names a contact person who can be
   * written to (not erased) when it fired. The dispatcher then needs no case to know; the address
   * itself is read only when sending.
   */
  readonly hasContact?: boolean;
  /** ISO timestamp of the firing (the injected clock). */
  readonly firedAt: string;
}

export abstract class NotificationOutbox {
  /** Records the intents in the event store's transaction, so they commit with the firing's event; ids already present are skipped. */
  abstract enqueue(transaction: StoreTransaction, intents: readonly NotificationIntent[]): Promise<void>;
}
