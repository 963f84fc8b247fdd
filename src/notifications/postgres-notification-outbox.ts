import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { NotificationOutbox, type NotificationIntent } from './notification-outbox.port';

/** Channel the dispatcher LISTENs on; the NOTIFY is delivered when the enqueuing transaction commits. */
export const OUTBOX_CHANNEL = 'iop_notification_outbox';

@Injectable()
export class PostgresNotificationOutbox extends NotificationOutbox {
  async enqueue(client: PoolClient, intents: readonly NotificationIntent[]): Promise<void> {
    if (intents.length === 0) return;
    await client.query(
      `INSERT INTO notification_outbox (id, tenant, case_id, intent, enqueued_at)
       SELECT i.id, i.tenant, i.case_id, i.intent, i.fired_at
         FROM jsonb_to_recordset($1::jsonb) AS i(id uuid, tenant text, case_id uuid, intent jsonb, fired_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(intents.map((intent) => ({ id: intent.id, tenant: intent.tenant, case_id: intent.caseId, intent, fired_at: intent.firedAt })))],
    );
    await client.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
  }
}
