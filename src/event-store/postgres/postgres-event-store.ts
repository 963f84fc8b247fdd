import { LRUCache } from 'lru-cache';
import type { ClientConfig, Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { PostgresNotifier } from '../../database/postgres-notifier';
import { SqlTransaction } from '../../database/transaction';
import type { Clock } from '../../shared/clock';
import { WakeSignal } from '../../shared/wake-signal';
import { EventIdConflictError, InvalidEventError, WrongExpectedVersionError } from '../event-store.errors';
import {
  EventStore,
  START,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type ExpectedRevision,
  type ListStreamsOptions,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreTransaction,
  type StreamHead,
  type StreamName,
  type StreamRecord,
  type SubscribeOptions,
  type Subscription,
  type TransactionOptions,
} from '../event-store.port';
import { chainHash, GENESIS_HASH, jcs } from '../hash-chain';
import {
  findEventsByIdQuery,
  listStreamsQuery,
  loadHeadQuery,
  readAllQuery,
  readEventsByIdQuery,
  readStreamQuery,
  readStreamsQuery,
  toPosition,
  toRecordedEvents,
  toStreamRecords,
  type AppendStatement,
  type HeadRow,
  type PositionRow,
} from './event-store.sql';
import { GroupCommit, streamKey, type GroupCommitOptions, type WriteOutcome } from './group-commit';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** For the LISTEN connection, which must not come from the pool. */
  readonly connection: ClientConfig;
  readonly clock: Clock;
  readonly pollIntervalMs?: number;
  readonly pageSize?: number;
  readonly groupCommit?: GroupCommitOptions;
}

interface Head {
  readonly revision: bigint; // -1n: the stream does not exist
  readonly hash: Buffer;
}

const NO_STREAM: Head = { revision: -1n, hash: GENESIS_HASH };
const MAX_APPEND_ATTEMPTS = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Streams per statement of {@link PostgresEventStore.readStreams}: big enough to save round trips, small enough to stream. */
const STREAMS_PER_READ = 100;

/**
 * The event store on PostgreSQL. Appends take one round trip when the stream's head is known
 * (it is cached from the caller's own read or previous append; a wrong guess only costs a retry,
 * the database decides). See docs/ARCHITECTURE.md for the global order and its fence.
 */
export class PostgresEventStore extends EventStore {
  private readonly heads = new LRUCache<string, Head>({ max: 10_000 });
  private readonly wakeSignal = new WakeSignal();
  private readonly notifier: PostgresNotifier;
  private readonly subscriptions = new Set<Subscription>();
  private readonly pool: Pool;
  private readonly poolQueryable: PoolQueryable;
  private readonly clock: Clock;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;

  constructor(options: PostgresEventStoreOptions) {
    super();
    this.pool = options.pool;
    this.poolQueryable = new PoolQueryable(options.pool, options.groupCommit);
    this.clock = options.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    this.notifier = new PostgresNotifier(options.pool, options.connection, this.wakeSignal);
  }

  async append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.appendVia(this.poolQueryable, stream, events, options);
    this.announce();
    return result;
  }

  /** Appends are announced to subscribers once the transaction commits, not before. */
  withTransaction<T>(work: (transaction: StoreTransaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const readOnly = options.readOnly === true;
    return SqlTransaction.run<T, PostgresStoreTransaction>(
      this.pool,
      (client) => new PostgresStoreTransaction(client, this, readOnly),
      work,
      readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
    );
  }

  /** @internal Wakes subscribers here and, by one NOTIFY, in other instances. */
  readonly announce = (): void => this.notifier.notify();

  /** @internal The append itself, on the pool or in a transaction. */
  async appendVia(db: Queryable, stream: StreamName, input: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const events = normalise(stream, input);
    const expected = options.expectedRevision;
    let head = expected === 'no_stream' ? NO_STREAM : this.heads.get(key(stream));
    let fromDatabase = expected === 'no_stream';
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (!head) [head, fromDatabase] = [await this.loadHead(db, stream), true];
      if (satisfies(expected, head.revision)) {
        const written = await this.tryWrite(db, stream, events, head, options);
        if (written) return written;
      } else if (!fromDatabase) {
        head = undefined; // a stale guess from the cache: ask the database
        continue;
      }
      // The head moved, or these events are already there (a retried request).
      const original = await this.findOriginal(db, stream, events);
      if (original) return original;
      head = await this.loadHead(db, stream);
      if (!satisfies(expected, head.revision)) break;
    }
    const actual = head ?? (await this.loadHead(db, stream));
    throw new WrongExpectedVersionError(stream, expected, actual.revision < 0n ? 'no_stream' : actual.revision);
  }

  async readStream(stream: StreamName, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const { rows } = await this.pool.query(readStreamQuery(stream, backwards, options.fromRevision, options.maxCount));
    const events = toRecordedEvents(rows);
    const newest = backwards ? events[0] : events.at(-1);
    if (newest) this.heads.set(key(stream), { revision: newest.revision, hash: Buffer.from(newest.hash, 'hex') });
    return events;
  }

  async readEventsById(stream: StreamName, ids: readonly string[]): Promise<RecordedEvent[]> {
    const valid = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()); // anything else names no event
    if (valid.length === 0) return [];
    return toRecordedEvents((await this.pool.query(readEventsByIdQuery(stream, valid))).rows);
  }

  /**
   * Events in global order, strictly after `fromPosition`, never past the oldest transaction that
   * is still running: everything below that fence is settled, so a reader that checkpoints the
   * last event it got can never skip one that commits later.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? START : options.fromPosition;
    const { rows } = await this.pool.query(readAllQuery(from, options.maxCount ?? this.pageSize));
    return toRecordedEvents(rows);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.notifier.listen();
    const cursor = { position: options.fromPosition === undefined || options.fromPosition === 'start' ? START : options.fromPosition, closed: false };
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => this.follow(cursor),
      close: async () => {
        cursor.closed = true;
        this.subscriptions.delete(subscription);
        this.wakeSignal.wake();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Pages through the log from the cursor, then waits for a wake (or the poll interval) at its end. */
  private async *follow(cursor: { position: Position; closed: boolean }): AsyncGenerator<RecordedEvent> {
    while (!cursor.closed) {
      const seen = this.wakeSignal.current;
      const page = await this.readAll({ fromPosition: cursor.position, maxCount: this.pageSize });
      for (const event of page) {
        if (cursor.closed) return;
        yield event;
        cursor.position = event.position;
      }
      if (page.length < this.pageSize && !cursor.closed) await this.wakeSignal.wait(seen, this.pollIntervalMs);
    }
  }

  async streamHead(stream: StreamName): Promise<StreamHead | undefined> {
    const head = await this.loadHead(this.poolQueryable, stream);
    return head.revision < 0n ? undefined : { revision: head.revision, hash: head.hash.toString('hex') };
  }

  listStreams(options: ListStreamsOptions = {}): Promise<StreamName[]> {
    return this.listStreamsVia(this.poolQueryable, options);
  }

  /** @internal */
  async listStreamsVia(db: Queryable, options: ListStreamsOptions): Promise<StreamName[]> {
    const { rows } = await db.query<{ tenant: string; stream_id: string }>(listStreamsQuery(options, this.pageSize));
    return rows.map((row) => ({ tenant: row.tenant, id: row.stream_id }));
  }

  /** {@link STREAMS_PER_READ} streams per statement, the statements in parallel. */
  readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]> {
    return this.readStreamsVia(this.poolQueryable, streams);
  }

  /** @internal In a transaction its connection runs the statements in turn, and sees what the transaction appended. */
  async readStreamsVia(db: Queryable, streams: readonly StreamName[]): Promise<StreamRecord[]> {
    const chunks: StreamName[][] = [];
    for (let i = 0; i < streams.length; i += STREAMS_PER_READ) chunks.push(streams.slice(i, i + STREAMS_PER_READ));
    return (await Promise.all(chunks.map((chunk) => this.readStreamChunk(db, chunk)))).flat();
  }

  private async readStreamChunk(db: Queryable, streams: readonly StreamName[]): Promise<StreamRecord[]> {
    const records = toStreamRecords(streams, (await db.query(readStreamsQuery(streams))).rows);
    // As after readStream: the next append to these streams guesses its head right (one round trip).
    for (const { stream, head } of records) if (head) this.heads.set(key(stream), { revision: head.revision, hash: Buffer.from(head.hash, 'hex') });
    return records;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.notifier.close();
  }

  private async tryWrite(
    db: Queryable,
    stream: StreamName,
    events: readonly NewEvent[],
    head: Head,
    options: AppendOptions,
  ): Promise<AppendResult | undefined> {
    const shared = { ...options.context, tenant: stream.tenant, recordedAt: this.clock.now().toISOString() };
    const canonicalMetadata = new Map<number, string>(); // per schema version: usually one for the batch
    let previous = head.hash;
    const hashes: Buffer[] = [];
    for (const [index, event] of events.entries()) {
      const metadata: EventMetadata = { ...shared, schemaVersion: event.schemaVersion ?? 1 };
      if (!canonicalMetadata.has(metadata.schemaVersion)) canonicalMetadata.set(metadata.schemaVersion, jcs(metadata));
      const revision = head.revision + 1n + BigInt(index);
      previous = chainHash(
        previous,
        { stream, revision, id: event.id, type: event.type, data: event.data, metadata },
        canonicalMetadata.get(metadata.schemaVersion),
      );
      hashes.push(previous);
    }
    const newRevision = head.revision + BigInt(events.length);
    const statement: AppendStatement = {
      stream,
      previousRevision: head.revision,
      previousHash: head.hash,
      newRevision,
      newHash: previous,
      events: events.map((e) => ({ id: e.id, type: e.type, data: e.data, schemaVersion: e.schemaVersion ?? 1 })),
      metadata: shared,
      hashes,
    };
    const rows = await db.write(statement, key(stream));
    if (!rows) return undefined;
    this.heads.set(key(stream), { revision: newRevision, hash: previous });
    const last = rows.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
    return { nextExpectedRevision: newRevision, position: toPosition(last) };
  }

  /** A retried append: when the stream already holds all of these event ids, answer as the first time. */
  private async findOriginal(db: Queryable, stream: StreamName, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const { rows } = await db.query<PositionRow & { revision: string }>(
      findEventsByIdQuery(
        stream,
        events.map((e) => e.id),
      ),
    );
    if (rows.length === 0) return undefined;
    if (rows.length !== events.length)
      throw new EventIdConflictError(
        stream,
        events.map((e) => e.id),
      );
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: BigInt(last.revision), position: toPosition(last) };
  }

  private async loadHead(db: Queryable, stream: StreamName): Promise<Head> {
    const { rows } = await db.query<HeadRow>(loadHeadQuery(stream));
    const head = rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].head_hash } : NO_STREAM;
    this.heads.set(key(stream), head);
    return head;
  }
}

/** A transaction of the store; other PostgreSQL adapters join it through its connection ({@link SqlTransaction}). */
class PostgresStoreTransaction extends SqlTransaction implements StoreTransaction {
  private readonly db: Queryable;

  constructor(
    client: PoolClient,
    private readonly store: PostgresEventStore,
    private readonly readOnly: boolean,
  ) {
    super(client);
    this.db = new TransactionQueryable(client);
  }

  async append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.readOnly) throw new InvalidEventError('a read-only transaction appends nothing');
    const result = await this.store.appendVia(this.db, stream, events, options);
    this.afterCommit(this.store.announce);
    return result;
  }

  readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]> {
    return this.store.readStreamsVia(this.db, streams);
  }

  listStreams(options: ListStreamsOptions = {}): Promise<StreamName[]> {
    return this.store.listStreamsVia(this.db, options);
  }
}

/** Where a statement runs: straight on the pool, or inside a transaction. */
interface Queryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
  /** An append's statement; a failure on a duplicate event id does not spoil what runs after it. */
  write(append: AppendStatement, stream: string): Promise<WriteOutcome>;
}

/** Appends from the pool are group-committed: see {@link GroupCommit}. */
class PoolQueryable implements Queryable {
  private readonly groups: GroupCommit;

  constructor(
    private readonly pool: Pool,
    options?: GroupCommitOptions,
  ) {
    this.groups = new GroupCommit((config) => pool.query(config), options);
  }

  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    return this.pool.query<R>(config);
  }

  write(append: AppendStatement, stream: string): Promise<WriteOutcome> {
    return this.groups.write(append, stream);
  }
}

/**
 * In a transaction a failed statement aborts everything after it; a savepoint confines it. Appends
 * made side by side go in one statement. The store's own reads wait while a savepoint is open: one
 * sent between a failed write and its rollback would fail with it.
 */
class TransactionQueryable implements Queryable {
  private readonly groups = new GroupCommit((config) => this.inSavepoint(config), { slots: 1, gatherFirst: true });
  private savepoint: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: PoolClient) {}

  async query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    await this.savepoint;
    return this.client.query<R>(config);
  }

  write(append: AppendStatement, stream: string): Promise<WriteOutcome> {
    return this.groups.write(append, stream);
  }

  /** One savepoint at a time: each waits for the one before it to be released or rolled back to. */
  private inSavepoint<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    const written = this.savepoint.then(async () => {
      await this.client.query('SAVEPOINT iop_append');
      try {
        const result = await this.client.query<R>(config);
        await this.client.query('RELEASE SAVEPOINT iop_append');
        return result;
      } catch (error) {
        await this.client.query('ROLLBACK TO SAVEPOINT iop_append');
        throw error;
      }
    });
    this.savepoint = written.catch(() => undefined);
    return written;
  }
}

function key(stream: StreamName): string {
  return streamKey(stream.tenant, stream.id);
}

function satisfies(expected: ExpectedRevision, actual: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual < 0n;
    case 'stream_exists':
      return actual >= 0n;
    default:
      return actual === expected;
  }
}

/** Checks what the database would reject less clearly, and lower-cases ids as PostgreSQL returns them (they are hashed). */
function normalise(stream: StreamName, events: readonly NewEvent[]): NewEvent[] {
  if (!stream.tenant || !stream.id) throw new InvalidEventError('a stream needs a tenant and an id');
  if (events.length === 0) throw new InvalidEventError('nothing to append');
  const ids = new Set<string>();
  return events.map((event) => {
    if (!UUID.test(event.id)) throw new InvalidEventError(`event id ${JSON.stringify(event.id)} is not a UUID`);
    const id = event.id.toLowerCase();
    if (ids.has(id)) throw new InvalidEventError(`event id ${id} appears twice in one append`);
    ids.add(id);
    if (!event.type) throw new InvalidEventError('an event needs a type');
    return { ...event, id };
  });
}
