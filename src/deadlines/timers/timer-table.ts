import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database';
import { inTransaction, sqlOf } from '../../database/transaction';
import type { StoreTransaction } from '../../event-store/event-store.port';
import type { IsoDate } from '../../calendar';
import type { RecipientRole } from '../../notifications/notification-outbox.port';
import type { Deadline } from '../deadline-rules';
import type { ActingCommand, Timer, TimerOccasion } from '../timer-policy';

export type TimerStatus = 'pending' | 'fired' | 'skipped' | 'cancelled';

/** A stored timer, as the scheduler claims it. */
export interface TimerRow {
  readonly tenant: string;
  readonly caseId: string;
  readonly key: string;
  readonly occasion: TimerOccasion;
  readonly dueOn: IsoDate;
  readonly deadlineOn: IsoDate;
  readonly daysBefore: number;
  readonly dueAt: Date;
  readonly command: ActingCommand | null;
  readonly recipients: readonly RecipientRole[];
  readonly deadline: Deadline;
  readonly attempts: number;
  /** The case revision the projection computed the case's pending timers from (null if unknown). */
  readonly computedRevision: bigint | null;
}

interface DbTimerRow {
  tenant: string;
  case_id: string;
  key: string;
  occasion: TimerOccasion;
  due_on: IsoDate;
  deadline_on: IsoDate;
  days_before: number;
  due_at: Date;
  command: ActingCommand | null;
  recipients: RecipientRole[];
  deadline: Deadline;
  attempts: number;
  computed_revision: string | null;
}

/**
 * What a claim reads of `timers t`: dates as `YYYY-MM-DD` text (not JavaScript dates at some
 * midnight), and the case revision the timers were computed from.
 */
const CLAIM_COLUMNS = `tenant, case_id, key, occasion, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(deadline_on, 'YYYY-MM-DD') AS deadline_on,
  days_before, due_at, command, recipients, deadline, attempts,
  (SELECT c.revision FROM timer_cases c WHERE c.tenant = t.tenant AND c.case_id = t.case_id) AS computed_revision`;

/**
 * A case's notices wait while one of its acting timers is due and unsettled (claimed by another
 * batch or instance, or not yet reached): once the case has ended, the re-check cancels them.
 */
const WAITS_FOR_ACTING = `AND NOT EXISTS (SELECT 1 FROM timers a WHERE a.tenant = t.tenant AND a.case_id = t.case_id
  AND a.status = 'pending' AND a.command IS NOT NULL AND a.fire_at <= $1)`;

/** The timers table: written by the projection, claimed and settled by the scheduler. */
@Injectable()
export class TimerTable {
  constructor(private readonly db: Database) {}

  /**
   * Makes the case's pending timers exactly `timers` (as computed from `revision`), in one
   * transaction; returns false, changing nothing, when the table already reflects that revision or
   * a later one. Fired and skipped timers stay settled unless their moment moved (then they are
   * armed again: a new date is a new firing); timers no longer computed are cancelled.
   */
  async replace(tenant: string, caseId: string, revision: bigint, timers: readonly (Timer & { dueAt: Date })[], now: Date): Promise<boolean> {
    return inTransaction(this.db.pool, async (client) => {
      const claimed = await client.query(
        `INSERT INTO timer_cases (tenant, case_id, revision) VALUES ($1, $2, $3)
         ON CONFLICT (tenant, case_id) DO UPDATE SET revision = EXCLUDED.revision WHERE timer_cases.revision < EXCLUDED.revision
         RETURNING 1`,
        [tenant, caseId, revision.toString()],
      );
      if (claimed.rowCount === 0) return false;
      await client.query(
        `INSERT INTO timers AS t (tenant, case_id, key, kind, occasion, due_on, deadline_on, days_before, due_at, fire_at, command, recipients, deadline, updated_at)
         SELECT $1, $2, r.key, r.kind, r.occasion, r.due_on, r.deadline_on, r.days_before, r.due_at, r.due_at, r.command, r.recipients, r.deadline, $4
           FROM jsonb_to_recordset($3::jsonb) AS r(key text, kind text, occasion text, due_on date, deadline_on date, days_before int,
                                                    due_at timestamptz, command text, recipients text[], deadline jsonb)
         ON CONFLICT (tenant, case_id, key) DO UPDATE SET
           kind = EXCLUDED.kind, occasion = EXCLUDED.occasion, due_on = EXCLUDED.due_on, deadline_on = EXCLUDED.deadline_on,
           days_before = EXCLUDED.days_before, due_at = EXCLUDED.due_at, command = EXCLUDED.command,
           recipients = EXCLUDED.recipients, deadline = EXCLUDED.deadline, updated_at = EXCLUDED.updated_at,
           status = CASE WHEN t.status = 'cancelled' OR t.due_at <> EXCLUDED.due_at THEN 'pending' ELSE t.status END,
           fire_at = CASE WHEN t.status = 'cancelled' OR t.due_at <> EXCLUDED.due_at THEN EXCLUDED.fire_at ELSE t.fire_at END,
           attempts = CASE WHEN t.status = 'cancelled' OR t.due_at <> EXCLUDED.due_at THEN 0 ELSE t.attempts END,
           settled_at = CASE WHEN t.status = 'cancelled' OR t.due_at <> EXCLUDED.due_at THEN NULL ELSE t.settled_at END
         WHERE t.status = 'cancelled' OR t.due_at <> EXCLUDED.due_at OR t.deadline <> EXCLUDED.deadline OR t.recipients <> EXCLUDED.recipients`,
        [tenant, caseId, JSON.stringify(timers.map(toRecord)), now],
      );
      await client.query(
        `UPDATE timers SET status = 'cancelled', settled_at = $4, updated_at = $4
          WHERE tenant = $1 AND case_id = $2 AND status = 'pending' AND NOT (key = ANY($3::text[]))`,
        [tenant, caseId, timers.map((t) => t.key), now],
      );
      return true;
    });
  }

  /**
   * Locks up to `limit` pending timers due by `now` that no other scheduler holds (SKIP LOCKED):
   * acting timers first, then notifying ones (of cases with no acting timer due), each by due
   * moment, so that a case which ended during downtime does not first collect notices its end has
   * made moot. Each query walks its partial index in order and stops at the limit: the cost is the
   * batch, not the table.
   */
  async claimDue(transaction: StoreTransaction, now: Date, limit: number): Promise<TimerRow[]> {
    const client = sqlOf(transaction).client;
    const claim = async (acting: boolean, max: number) =>
      (
        await client.query<DbTimerRow>(
          `SELECT ${CLAIM_COLUMNS} FROM timers t
            WHERE status = 'pending' AND command IS ${acting ? 'NOT NULL' : 'NULL'} AND fire_at <= $1 ${acting ? '' : WAITS_FOR_ACTING}
            ORDER BY fire_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED`,
          [now, max],
        )
      ).rows;
    const acting = await claim(true, limit);
    const notifying = acting.length < limit ? await claim(false, limit - acting.length) : [];
    return [...acting, ...notifying].map(fromDb);
  }

  /** Marks the batch's timers fired, skipped or cancelled, in one statement. */
  async settle(
    transaction: StoreTransaction,
    settled: readonly { timer: TimerRow; status: Exclude<TimerStatus, 'pending'>; note: string | null }[],
    now: Date,
  ): Promise<void> {
    if (settled.length === 0) return;
    await sqlOf(transaction).client.query(
      `UPDATE timers SET status = s.status, last_error = s.note, settled_at = $2, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS s(tenant text, case_id uuid, key text, status text, note text)
        WHERE timers.tenant = s.tenant AND timers.case_id = s.case_id AND timers.key = s.key`,
      [JSON.stringify(settled.map(({ timer, status, note }) => ({ tenant: timer.tenant, case_id: timer.caseId, key: timer.key, status, note }))), now],
    );
  }

  /** A failed attempt: try again later, backing off (30 s, 1 min, 2 min, … up to an hour). */
  async postpone(transaction: StoreTransaction, timer: TimerRow, now: Date, error: string): Promise<void> {
    const delayMs = Math.min(3_600_000, 30_000 * 2 ** timer.attempts);
    await sqlOf(transaction).client.query(
      `UPDATE timers SET attempts = attempts + 1, fire_at = $4, last_error = $5, updated_at = $6 WHERE tenant = $1 AND case_id = $2 AND key = $3`,
      [timer.tenant, timer.caseId, timer.key, new Date(now.getTime() + delayMs), error, now],
    );
  }

  /** The case revision the case's timers were computed from; -1n when never. */
  async projectedRevision(tenant: string, caseId: string): Promise<bigint> {
    const { rows } = await this.db.pool.query<{ revision: string }>('SELECT revision FROM timer_cases WHERE tenant = $1 AND case_id = $2', [tenant, caseId]);
    return rows[0] ? BigInt(rows[0].revision) : -1n;
  }

  /** Pending timers whose moment has come (the scheduler's backlog; 0 when it keeps up), from the two partial indexes. */
  async dueCount(now: Date): Promise<number> {
    const { rows } = await this.db.pool.query<{ due: number }>(`SELECT count(*)::int AS due FROM timers WHERE status = 'pending' AND fire_at <= $1`, [now]);
    return rows[0].due;
  }

  /** When the scheduler must next look: the first entry of each partial index. */
  async nextFireAt(): Promise<Date | null> {
    const { rows } = await this.db.pool.query<{ next: Date | null }>(
      `SELECT least((SELECT min(fire_at) FROM timers WHERE status = 'pending' AND command IS NOT NULL),
                    (SELECT min(fire_at) FROM timers WHERE status = 'pending' AND command IS NULL)) AS next`,
    );
    return rows[0].next;
  }
}

function toRecord(timer: Timer & { dueAt: Date }) {
  return {
    key: timer.key,
    kind: timer.deadline.kind,
    occasion: timer.occasion,
    due_on: timer.dueOn,
    deadline_on: timer.deadlineOn,
    days_before: timer.daysBefore,
    due_at: timer.dueAt.toISOString(),
    command: timer.command,
    recipients: timer.recipients,
    deadline: timer.deadline,
  };
}

function fromDb(row: DbTimerRow): TimerRow {
  return {
    tenant: row.tenant,
    caseId: row.case_id,
    key: row.key,
    occasion: row.occasion,
    dueOn: row.due_on,
    deadlineOn: row.deadline_on,
    daysBefore: row.days_before,
    dueAt: row.due_at,
    command: row.command,
    recipients: row.recipients,
    deadline: row.deadline,
    attempts: row.attempts,
    computedRevision: row.computed_revision === null ? null : BigInt(row.computed_revision),
  };
}
