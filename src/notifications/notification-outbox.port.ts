import type { PoolClient } from 'pg';
import type { Deadline } from '../deadlines/deadline-rules';

/** Who is told, by role; the notifications module resolves a role to addresses and channels. */
export type RecipientRole = 'officer' | 'manager' | 'boardSecretary' | 'organisationContact';

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
  readonly deadline: Deadline;
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
  /** ISO timestamp of the firing (the injected clock). */
  readonly firedAt: string;
}

export abstract class NotificationOutbox {
  /** Inserts the intents in the caller's transaction (table notification_outbox); ids already present are skipped. */
  abstract enqueue(client: PoolClient, intents: readonly NotificationIntent[]): Promise<void>;
}
