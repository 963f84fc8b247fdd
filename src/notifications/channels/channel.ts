import type { NotificationIntent, RecipientRole } from '../notification-outbox.port';

/** A delivery a worker holds the lease of, with the intent it came from. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly tenant: string;
  readonly recipient: RecipientRole;
  readonly rung: number;
  readonly channel: 'email' | 'webhook';
  readonly address: string;
  /** Including this one. */
  readonly attempts: number;
  readonly intent: NotificationIntent;
  /** The role the reminder went to before it escalated to this one. */
  readonly escalatedFrom?: RecipientRole;
}

/** Sends one delivery; resolves when the receiver accepted it, throws (with a reason) when not. */
export interface NotificationChannel {
  send(delivery: ClaimedDelivery): Promise<void>;
}
