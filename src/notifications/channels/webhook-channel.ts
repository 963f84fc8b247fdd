import { Webhook } from 'standardwebhooks';
import type { Clock } from '../../shared/clock';
import type { NotificationDirectory } from '../notification-directory';
import { notificationText } from '../notification-text';
import type { ClaimedDelivery, NotificationChannel } from './channel';

const TIMEOUT_MS = 10_000;

/** The JSON a subscriber receives (Standard Webhooks' type/timestamp/data envelope). */
export function webhookPayload(delivery: ClaimedDelivery, baseUrl: string): object {
  const { intent } = delivery;
  const text = notificationText(intent, delivery, baseUrl);
  return {
    type: `deadline.${intent.occasion}`,
    timestamp: intent.firedAt,
    data: {
      notificationId: delivery.id,
      intentId: intent.id,
      tenant: intent.tenant,
      caseId: intent.caseId,
      diarienummer: intent.case.diarienummer,
      organisation: intent.case.organisation,
      recipient: delivery.recipient,
      escalationRung: delivery.rung,
      occasion: intent.occasion,
      daysBefore: intent.daysBefore,
      deadline: intent.deadline,
      subject: text.subject,
      text: text.body,
      link: text.link,
    },
  };
}

/**
 * Webhooks signed as Standard Webhooks defines: `webhook-id` is the delivery's id, the same on
 * every retry, so a subscriber deduplicates by it. The signature's timestamp is wall-clock time
 * (`wallClock`), since subscribers check it against their own clocks.
 */
export class WebhookChannel implements NotificationChannel {
  constructor(
    private readonly directory: NotificationDirectory,
    private readonly baseUrl: string,
    private readonly wallClock: Clock,
  ) {}

  async send(delivery: ClaimedDelivery): Promise<void> {
    const subscription = this.directory.subscription(delivery.tenant, delivery.recipient, delivery.address);
    if (!subscription) throw new Error(`no webhook subscription for ${delivery.address} in the directory any more`);
    const body = JSON.stringify(webhookPayload(delivery, this.baseUrl));
    const timestamp = this.wallClock.now();
    const signature = new Webhook(subscription.secret).sign(delivery.id, timestamp, body);
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      // A signed notification goes to the subscribed URL only; a redirect counts as a failure.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the receiver answered HTTP ${response.status}`);
  }
}
