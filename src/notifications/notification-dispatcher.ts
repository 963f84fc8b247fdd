import type { Pool, PoolClient } from 'pg';
import { v5 as uuidv5 } from 'uuid';
import type { Clock } from '../shared/clock';
import type { EscalationLadder } from './escalation-ladder';
import type { NotificationDirectory } from './notification-directory';
import type { NotificationIntent, RecipientRole } from './notification-outbox.port';
import { inTransaction } from '../database/transaction';

const NAMESPACE = '4b0f8f0e-5a7c-4d0b-9d5e-6f1c2a3b4c5d';
const BATCH = 100;

export type Channel = 'email' | 'webhook';

/** The address recorded for the organisation's contact person (see EmailChannel). */
export const CONTACT_PERSON = 'kontaktperson';

/** A delivery to be written: to one address on one channel, or a recorded skip (channel `none`). */
export interface PlannedDelivery {
  readonly id: string;
  readonly recipient: RecipientRole;
  readonly rung: number;
  readonly channel: Channel | 'none';
  readonly address: string;
  readonly skipReason?: string;
}

/** Same intent, rung, channel and address: same id, so a second dispatch or escalation adds nothing. */
export function deliveryId(intentId: string, rung: number, channel: string, address: string): string {
  return uuidv5(`${intentId}/${rung}/${channel}/${address}`, NAMESPACE);
}

/** Resolves a role to its addresses: the directory, and for the organisation's contact what the firing found on the case. */
export class RecipientResolver {
  constructor(private readonly directory: NotificationDirectory) {}

  plan(intent: NotificationIntent, role: RecipientRole, rung: number): PlannedDelivery[] {
    const emails =
      role === 'organisationContact'
        ? // Only who, not where: the address is looked up when sending, so no copy outlives an erasure.
          intent.hasContact === true
          ? [CONTACT_PERSON]
          : []
        : this.directory.emails(intent.tenant, role, intent.case.officer?.id);
    const targets = [
      ...emails.map((address) => ({ channel: 'email' as const, address })),
      ...this.directory.webhooks(intent.tenant, role).map((hook) => ({ channel: 'webhook' as const, address: hook.url })),
    ];
    if (targets.length === 0) {
      const skipReason =
        role === 'organisationContact'
          ? 'Ärendet har ingen kontaktperson hos organisationen med e-postadress.'
          : `Katalogen har ingen adress för rollen ${role} hos ${intent.tenant}.`;
      return [{ id: deliveryId(intent.id, rung, 'none', ''), recipient: role, rung, channel: 'none', address: '', skipReason }];
    }
    return targets.map((t) => ({ id: deliveryId(intent.id, rung, t.channel, t.address), recipient: role, rung, ...t }));
  }
}

/** Inserts planned deliveries; ids already present are left as they are. */
export async function insertDeliveries(
  client: Pool | PoolClient,
  intent: NotificationIntent,
  planned: readonly PlannedDelivery[],
  now: Date,
  escalateAt: Date | null,
): Promise<number> {
  if (planned.length === 0) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO notification_deliveries (id, outbox_id, tenant, case_id, recipient, rung, channel, address, status, skip_reason, next_attempt_at, created_at, escalate_at)
     SELECT p.id, $2, $3, $4, p.recipient, p.rung, p.channel, p.address,
            CASE WHEN p.channel = 'none' THEN 'skipped' ELSE 'pending' END, p.skip_reason, $1, $1, $6
       FROM jsonb_to_recordset($5::jsonb) AS p(id uuid, recipient text, rung integer, channel text, address text, skip_reason text)
     ON CONFLICT (id) DO NOTHING`,
    [now, intent.id, intent.tenant, intent.caseId, JSON.stringify(planned.map((p) => ({ ...p, skip_reason: p.skipReason ?? null }))), escalateAt],
  );
  return rowCount ?? 0;
}

/**
 * Turns undispatched outbox intents into deliveries and stamps them dispatched in the same
 * transaction; SKIP LOCKED lets several instances dispatch side by side without taking the same intent.
 */
export class NotificationDispatcher {
  constructor(
    private readonly pool: Pool,
    private readonly resolver: RecipientResolver,
    private readonly ladder: EscalationLadder,
    private readonly clock: Clock,
  ) {}

  /** Dispatches until nothing is left; returns the number of deliveries created. */
  async dispatchPending(): Promise<number> {
    let created = 0;
    for (;;) {
      const { intents, deliveries } = await this.dispatchBatch();
      created += deliveries;
      if (intents < BATCH) return created;
    }
  }

  private async dispatchBatch(): Promise<{ intents: number; deliveries: number }> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string; intent: NotificationIntent }>(
        `SELECT id, intent FROM notification_outbox WHERE dispatched_at IS NULL
          ORDER BY enqueued_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const now = this.clock.now();
      let deliveries = 0;
      for (const { intent } of rows) {
        const planned = this.resolver.plan(intent, intent.recipient, 0);
        deliveries += await insertDeliveries(client, intent, planned, now, this.ladder.escalateAt(intent, 0, now));
      }
      if (rows.length > 0) await client.query('UPDATE notification_outbox SET dispatched_at = $1 WHERE id = ANY($2::uuid[])', [now, rows.map((r) => r.id)]);
      return { intents: rows.length, deliveries };
    });
  }
}
