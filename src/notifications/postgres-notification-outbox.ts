import { Injectable } from '@nestjs/common';
import { ChannelWake } from '../database/channel-wake';
import { sqlOf } from '../database/transaction';
import type { StoreTransaction } from '../event-store/event-store.port';
import { NotificationOutbox, type NotificationIntent } from './notification-outbox.port';

/** Channel the delivery workers LISTEN on. */
export const OUTBOX_CHANNEL = 'iop_notification_outbox';

/** Wakes the delivery workers when intents or retries are due: this instance's directly, others' by NOTIFY after commit. */
export class OutboxWake extends ChannelWake {}

/** The `notification_outbox` table, written in the event store's (PostgreSQL) transaction. */
@Injectable()
export class PostgresNotificationOutbox extends NotificationOutbox {
  constructor(private readonly wake: OutboxWake) {
    super();
  }

  async enqueue(transaction: StoreTransaction, intents: readonly NotificationIntent[]): Promise<void> {
    if (intents.length === 0) return;
    await sqlOf(transaction).client.query(
      `INSERT INTO notification_outbox (id, tenant, case_id, intent, enqueued_at)
       SELECT i.id, i.tenant, i.case_id, i.intent, i.fired_at
         FROM jsonb_to_recordset($1::jsonb) AS i(id uuid, tenant text, case_id uuid, intent jsonb, fired_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(intents.map((intent) => ({ id: intent.id, tenant: intent.tenant, case_id: intent.caseId, intent, fired_at: intent.firedAt })))],
    );
    sqlOf(transaction).afterCommit(() => this.wake.notify());
  }
}
