import type { Pool } from 'pg';
import { NotificationError } from './notification.errors';
import type { Clock } from '../shared/clock';
import type { ClaimedDelivery } from './channels/channel';
import type { EscalationLadder } from './escalation-ladder';
import type { NotificationIntent, RecipientRole } from './notification-outbox.port';
import type { OutboxWake } from './postgres-notification-outbox';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery as the API shows it. */
export interface DeliveryRecord {
  id: string;
  intentId: string;
  caseId: string;
  diarienummer: string | null;
  organisation: string;
  deadline: { kind: string; key: string; date: string };
  occasion: NotificationIntent['occasion'];
  recipient: RecipientRole;
  rung: number;
  channel: 'email' | 'webhook' | 'none';
  address: string;
  status: DeliveryStatus;
  skipReason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** What a bulk retry did, or would do, to one delivery; `record` as it was read before. */
export interface BulkRetryOutcome {
  id: string;
  outcome: 'retried' | 'would-retry' | 'not-failed' | 'not-found';
  record: DeliveryRecord | null;
}

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly leaseMs: number;
}

interface Row {
  id: string;
  outbox_id: string;
  tenant: string;
  recipient: RecipientRole;
  rung: number;
  channel: 'email' | 'webhook' | 'none';
  address: string;
  status: DeliveryStatus;
  skip_reason: string | null;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  intent: NotificationIntent;
}

const COLUMNS = `d.id, d.outbox_id, d.tenant, d.recipient, d.rung, d.channel, d.address, d.status, d.skip_reason, d.attempts,
  d.next_attempt_at, d.last_error, d.created_at, d.delivered_at, d.acknowledged_at, d.acknowledged_by, o.intent`;

/** The deliveries table: claiming under a lease, recording outcomes, and what the API reads and changes. */
export class DeliveryStore {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly policy: DeliveryPolicy,
    private readonly ladder: EscalationLadder,
    private readonly wake: OutboxWake,
  ) {}

  /**
   * Takes up to `limit` due deliveries for this worker until the lease runs out. SKIP LOCKED keeps
   * concurrent workers off each other's rows; an expired lease (a crashed worker) makes a row due again.
   */
  async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<Row>(
      `WITH due AS (
         SELECT id FROM notification_deliveries
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
          ORDER BY next_attempt_at, id LIMIT $3
            FOR UPDATE SKIP LOCKED)
       UPDATE notification_deliveries d SET leased_until = $2, attempts = d.attempts + 1
         FROM due, notification_outbox o
        WHERE d.id = due.id AND o.id = d.outbox_id
       RETURNING ${COLUMNS}`,
      [now, new Date(now.getTime() + this.policy.leaseMs), limit],
    );
    return rows.map((row) => ({
      id: row.id,
      tenant: row.tenant,
      recipient: row.recipient,
      rung: row.rung,
      channel: row.channel as ClaimedDelivery['channel'],
      address: row.address,
      attempts: row.attempts,
      intent: row.intent,
      escalatedFrom: row.rung > 0 ? this.ladder.roleAt(row.intent, row.rung - 1) : undefined,
    }));
  }

  async delivered(id: string): Promise<void> {
    await this.pool.query(
      `UPDATE notification_deliveries SET status = 'delivered', delivered_at = $2, leased_until = NULL, last_error = NULL
        WHERE id = $1 AND status = 'pending'`,
      [id, this.clock.now()],
    );
  }

  /** Schedules the next attempt with exponential backoff, or parks the delivery as failed after the last. */
  async attemptFailed(delivery: ClaimedDelivery, error: string): Promise<DeliveryStatus> {
    const backoff = this.policy.backoffBaseMs * 2 ** (delivery.attempts - 1);
    const { rows } = await this.pool.query<{ status: DeliveryStatus }>(
      `UPDATE notification_deliveries
          SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
              next_attempt_at = $2, leased_until = NULL, last_error = $4
        WHERE id = $1 AND status = 'pending'
       RETURNING status`,
      [delivery.id, new Date(this.clock.now().getTime() + backoff), this.policy.maxAttempts, error.slice(0, 1000)],
    );
    return rows[0]?.status ?? 'pending';
  }

  /** When the next pending delivery becomes due (its retry time, or its lease running out). */
  async nextDueAt(): Promise<Date | null> {
    const { rows } = await this.pool.query<{ at: Date | null }>(
      `SELECT min(greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) AS at FROM notification_deliveries WHERE status = 'pending'`,
    );
    return rows[0].at;
  }

  async list(tenant: string, filter: { status?: DeliveryStatus; caseId?: string; limit: number }): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id
        WHERE d.tenant = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::uuid IS NULL OR d.case_id = $3)
        ORDER BY d.created_at DESC, d.id LIMIT $4`,
      [tenant, filter.status ?? null, filter.caseId ?? null, filter.limit],
    );
    return rows.map(toRecord);
  }

  /** A failed delivery back to pending, with a fresh round of attempts; anything else is refused. */
  async retry(tenant: string, id: string): Promise<DeliveryRecord> {
    const { rowCount } = await this.pool.query(
      `UPDATE notification_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3, leased_until = NULL
        WHERE tenant = $1 AND id = $2 AND status = 'failed'`,
      [tenant, id, this.clock.now()],
    );
    const record = await this.find(tenant, id);
    if (rowCount === 0)
      throw new NotificationError('NOTIFICATION_NOT_FAILED', `Notification ${id} is ${record.status}; only a failed one can be retried.`, {
        status: record.status,
      });
    this.wake.notify(); // the workers of every instance, after the update committed
    return record;
  }

  /**
   * Retries failed deliveries in bulk: the given ones, or every failed one of the tenant (at most
   * `limit`). With `dryRun` nothing changes: the answer lists what a retry would do to each.
   */
  async retryMany(tenant: string, request: { ids?: string[]; dryRun: boolean; limit: number }): Promise<BulkRetryOutcome[]> {
    const targets = request.ids ? await this.listByIds(tenant, request.ids) : await this.list(tenant, { status: 'failed', limit: request.limit });
    const failed = targets.filter((record) => record.status === 'failed').map((record) => record.id);
    const retried = new Set<string>();
    if (!request.dryRun && failed.length > 0) {
      const { rows } = await this.pool.query<{ id: string }>(
        `UPDATE notification_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3, leased_until = NULL
          WHERE tenant = $1 AND id = ANY ($2::uuid[]) AND status = 'failed' RETURNING id`,
        [tenant, failed, this.clock.now()],
      );
      rows.forEach((row) => retried.add(row.id));
      if (retried.size > 0) this.wake.notify();
    }
    const found = new Map(targets.map((record) => [record.id, record]));
    const ids = request.ids ?? targets.map((record) => record.id);
    return ids.map((id) => {
      const record = found.get(id);
      if (!record) return { id, outcome: 'not-found', record: null };
      if (record.status !== 'failed') return { id, outcome: 'not-failed', record };
      if (request.dryRun) return { id, outcome: 'would-retry', record };
      return { id, outcome: retried.has(id) ? 'retried' : 'not-failed', record };
    });
  }

  private async listByIds(tenant: string, ids: string[]): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id WHERE d.tenant = $1 AND d.id = ANY ($2::uuid[])`,
      [tenant, ids],
    );
    return rows.map(toRecord);
  }

  /** Acknowledges the reminder this delivery belongs to: it stops escalating. Acknowledging twice keeps the first. */
  async acknowledge(tenant: string, id: string, by: string): Promise<DeliveryRecord> {
    // One statement, so one round trip and atomic: acknowledge, stop the reminder's escalation, read the result back.
    const { rows } = await this.pool.query<Row>(
      `WITH acked AS (
         UPDATE notification_deliveries SET acknowledged_at = coalesce(acknowledged_at, $3), acknowledged_by = coalesce(acknowledged_by, $4), escalate_at = NULL
          WHERE tenant = $1 AND id = $2 RETURNING *),
       stopped AS (
         UPDATE notification_deliveries s SET escalate_at = NULL FROM acked
          WHERE s.outbox_id = acked.outbox_id AND s.escalate_at IS NOT NULL AND s.id <> acked.id)
       SELECT ${COLUMNS} FROM acked d JOIN notification_outbox o ON o.id = d.outbox_id`,
      [tenant, id, this.clock.now(), by],
    );
    if (rows.length === 0) throw notFound(id);
    return toRecord(rows[0]);
  }

  async find(tenant: string, id: string): Promise<DeliveryRecord> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id WHERE d.tenant = $1 AND d.id = $2`,
      [tenant, id],
    );
    if (rows.length === 0) throw notFound(id);
    return toRecord(rows[0]);
  }
}

function notFound(id: string): NotificationError {
  return new NotificationError('NOTIFICATION_NOT_FOUND', `No notification ${id}.`);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toRecord(row: Row): DeliveryRecord {
  const { intent } = row;
  return {
    id: row.id,
    intentId: row.outbox_id,
    caseId: intent.caseId,
    diarienummer: intent.case.diarienummer,
    organisation: intent.case.organisation,
    deadline: { kind: intent.deadline.kind, key: intent.deadline.key, date: intent.deadline.date },
    occasion: intent.occasion,
    recipient: row.recipient,
    rung: row.rung,
    channel: row.channel,
    address: row.address,
    status: row.status,
    skipReason: row.skip_reason,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: iso(row.delivered_at),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
  };
}
