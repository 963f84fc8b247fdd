import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { appendGroupQuery, appendQuery, type AppendStatement, type GroupRow, type PositionRow } from './event-store.sql';

export interface GroupCommitOptions {
  /** Append statements in flight at once; appends arriving while all are busy wait and go together in the next. */
  readonly slots?: number;
  /** Most appends in one statement. */
  readonly maxGroup?: number;
  /**
   * Wait one turn of the event loop before taking even a free slot, so that appends made together
   * (a transaction's, started side by side) go in one statement. Off for the pool: an append that
   * arrives alone is written at once.
   */
  readonly gatherFirst?: boolean;
}

/** Runs one statement: on the pool, or in a transaction inside a savepoint (a failed statement undone alone). */
export type RunStatement = <R extends QueryResultRow>(config: QueryConfig) => Promise<QueryResult<R>>;

/** What a write of one append gives: its events' positions, or undefined when it wrote nothing (head moved, ids already there). */
export type WriteOutcome = PositionRow[] | undefined;

interface Pending {
  readonly append: AppendStatement;
  readonly key: string;
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

const UNIQUE_VIOLATION = '23505';
/** Appends of more events than this are batches. */
const GROUPED_EVENTS = 8;

/**
 * Group commit for appends of a few events (a batch is written at once by its own statement: it
 * carries enough to be worth its commit). While fewer than `slots` statements are in flight, an
 * append is written at once, alone, by the single-stream statement. Appends that arrive while every
 * slot is busy (or in the turn of the event loop in which one came free) queue, and the next free
 * slot writes them, at most one per stream, in one statement and one commit, each with its own head
 * check. Each caller gets the outcome of its own append. A group the database refuses as a whole (a
 * bad payload, a lost connection, a deadlock with another instance) is written again one append at
 * a time, so that only the append at fault fails, and an append whose group did commit after all
 * finds its events by id. Every acknowledged append was committed by its own statement. In a
 * transaction (one slot, its connection) the appends made side by side share one statement the same
 * way, inside one savepoint.
 */
export class GroupCommit {
  private readonly queue: Pending[] = [];
  /** Streams with a statement in flight: a second append to one of them waits (it would lose the head race, or deadlock another group). */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private drainScheduled = false;
  private readonly slots: number;
  private readonly maxGroup: number;
  private readonly gatherFirst: boolean;

  constructor(
    private readonly run: RunStatement,
    options: GroupCommitOptions = {},
  ) {
    this.slots = options.slots ?? 2;
    this.maxGroup = options.maxGroup ?? 64;
    this.gatherFirst = options.gatherFirst ?? false;
  }

  write(append: AppendStatement, key: string): Promise<WriteOutcome> {
    if (append.events.length > GROUPED_EVENTS) return this.writeBatch(append, key);
    return new Promise((resolve, reject) => {
      this.queue.push({ append, key, resolve, reject });
      if (this.drainScheduled) return;
      if (this.gatherFirst) this.scheduleDrain();
      else this.drain();
    });
  }

  private scheduleDrain(): void {
    this.drainScheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.drainScheduled = false;
    while (this.inFlight < this.slots) {
      const group = this.take();
      if (group.length === 0) return;
      this.inFlight++;
      for (const pending of group) this.busy.add(pending.key);
      void this.writeGroup(group).finally(() => {
        this.inFlight--;
        for (const pending of group) this.busy.delete(pending.key);
        // The callers just answered often append again at once: let them queue before the slot is
        // taken, or the first of them would take it alone and the rest wait a whole statement.
        this.scheduleDrain();
      });
    }
  }

  /** The oldest waiting appends, at most one per stream and none to a stream in flight. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.queue.length && group.length < this.maxGroup;) {
      const pending = this.queue[i];
      if (this.busy.has(pending.key) || keys.has(pending.key)) {
        i++;
        continue;
      }
      keys.add(pending.key);
      group.push(pending);
      this.queue.splice(i, 1);
    }
    return group;
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    if (group.length === 1) {
      const [pending] = group;
      await this.writeAlone(pending.append).then(pending.resolve, pending.reject);
      return;
    }
    let rows: GroupRow[];
    try {
      rows = (await this.run<GroupRow>(appendGroupQuery(group.map((p) => p.append)))).rows;
    } catch {
      // Refused as a whole: each append on its own, so the one at fault fails alone. One after
      // another: in a transaction each takes the connection's one savepoint in turn.
      for (const pending of group) await this.writeAlone(pending.append).then(pending.resolve, pending.reject);
      return;
    }
    const byStream = new Map<string, GroupRow[]>();
    for (const row of rows) {
      const key = streamKey(row.tenant, row.stream_id);
      const written = byStream.get(key);
      if (written) written.push(row);
      else byStream.set(key, [row]);
    }
    for (const pending of group) pending.resolve(byStream.get(pending.key));
  }

  /** A batch is a group of its own: written at once, beside the slots, its stream kept out of groups meanwhile. */
  private async writeBatch(append: AppendStatement, key: string): Promise<WriteOutcome> {
    this.busy.add(key);
    try {
      return await this.writeAlone(append);
    } finally {
      this.busy.delete(key);
      this.scheduleDrain();
    }
  }

  /** One append by the single-stream statement; a duplicate event id (a retry racing its original) is "wrote nothing", as a moved head. */
  private async writeAlone(append: AppendStatement): Promise<WriteOutcome> {
    try {
      const { rows } = await this.run<PositionRow>(appendQuery(append));
      return rows.length === 0 ? undefined : rows;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }
}

export function streamKey(tenant: string, id: string): string {
  return `${tenant}\u0000${id}`;
}
