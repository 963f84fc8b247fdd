import type { Pool } from 'pg';
import type { Clock } from '../shared/clock';
import { insertDeliveries, type RecipientResolver } from './notification-dispatcher';
import type { EscalationLadder } from './escalation-ladder';
import type { NotificationIntent } from './notification-outbox.port';
import { inTransaction } from '../database/transaction';

const BATCH = 200;

/** Creates the next rung's deliveries for reminders whose rung has waited its days unacknowledged; each once. */
export class Escalator {
  constructor(
    private readonly pool: Pool,
    private readonly resolver: RecipientResolver,
    private readonly ladder: EscalationLadder,
    private readonly clock: Clock,
  ) {}

  /** Returns the number of deliveries created. */
  async escalateDue(): Promise<number> {
    let created = 0;
    for (;;) {
      const { rows, deliveries } = await this.escalateBatch();
      created += deliveries;
      if (rows < BATCH) return created;
    }
  }

  /** The earliest moment a rung will be due to escalate, for the worker's sleep. */
  async nextDueAt(): Promise<Date | null> {
    const { rows } = await this.pool.query<{ at: Date | null }>('SELECT min(escalate_at) AS at FROM notification_deliveries WHERE escalate_at IS NOT NULL');
    return rows[0].at;
  }

  private async escalateBatch(): Promise<{ rows: number; deliveries: number }> {
    const now = this.clock.now();
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string; outbox_id: string; rung: number; intent: NotificationIntent; acknowledged: boolean }>(
        `SELECT d.id, d.outbox_id, d.rung, o.intent,
                EXISTS (SELECT 1 FROM notification_deliveries a WHERE a.outbox_id = d.outbox_id AND a.acknowledged_at IS NOT NULL) AS acknowledged
           FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id
          WHERE d.escalate_at <= $1
          ORDER BY d.escalate_at, d.id LIMIT ${BATCH}
            FOR UPDATE OF d SKIP LOCKED`,
        [now],
      );
      const rungs = new Map(rows.filter((r) => !r.acknowledged).map((r) => [`${r.outbox_id}/${r.rung}`, r]));
      let deliveries = 0;
      for (const { intent, rung } of rungs.values()) {
        const role = this.ladder.roleAt(intent, rung + 1);
        if (!role) continue;
        const planned = this.resolver.plan(intent, role, rung + 1);
        deliveries += await insertDeliveries(client, intent, planned, now, this.ladder.escalateAt(intent, rung + 1, now));
      }
      if (rows.length > 0) await client.query('UPDATE notification_deliveries SET escalate_at = NULL WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
      return { rows: rows.length, deliveries };
    });
  }
}
