import { LRUCache } from 'lru-cache';
import type { ClientConfig, Pool, PoolClient, QueryArrayConfig, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { Clock } from '../../shared/clock';
import { EventIdConflictError, InvalidEventError, WrongExpectedVersionError } from '../event-store.errors';
import {
  EventStore,
  START,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type ListStreamsOptions,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamHead,
  type StreamName,
  type StreamRecord,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { chainHash, GENESIS_HASH, jcs } from '../hash-chain';
import { PostgresNotifier } from './postgres-notifier';
import { WakeSignal } from './wake-signal';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** For the LISTEN connection, which must not come from the pool. */
  readonly connection: ClientConfig;
  readonly clock: Clock;
  readonly pollIntervalMs?: number;
  readonly pageSize?: number;
}

interface Head {
  readonly revision: bigint; // -1n: the stream does not exist
  readonly hash: Buffer;
}

/** A row of EVENT_COLUMNS, fetched as an array: no intermediate object per row on the read path. */
type EventRow = [
  tenant: string,
  streamId: string,
  revision: string,
  eventId: string,
  type: string,
  data: RecordedEvent['data'],
  metadata: EventMetadata,
  hash: string,
  position: string,
  transactionId: string,
];

/** A row of READ_STREAMS: the event (all NULL for a stream without events), metadata as text, then where it belongs. */
type StreamRow = [
  tenant: string,
  streamId: string,
  revision: string,
  eventId: string,
  type: string,
  data: RecordedEvent['data'],
  metadata: string,
  hash: string,
  position: string,
  transactionId: string,
  ord: string,
  headRevision: string | null,
  headHash: string | null,
];

const NO_STREAM: Head = { revision: -1n, hash: GENESIS_HASH };
const MAX_APPEND_ATTEMPTS = 10;
const UNIQUE_VIOLATION = '23505';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// node-postgres returns bigint columns as strings (its default), which BigInt() takes exactly; the
// hash comes as hex text, as the port hands it out, rather than as a Buffer to convert.
const EVENT_COLUMNS = "tenant, stream_id, revision, event_id, type, data, metadata, encode(hash, 'hex') AS hash, position, transaction_id";
/** Streams per statement of {@link PostgresEventStore.readStreams}: big enough to save round trips, small enough to stream. */
const STREAMS_PER_READ = 100;
// Whole streams and their heads in one statement, so one snapshot: an append between reading the
// events and reading the head cannot make a stream look cut short. A stream with a head but no
// events still gives its head (one row of NULL events). Metadata comes as text: the events of one
// append share it, and it is parsed once per run of equal texts.
const READ_STREAMS = `
  SELECT e.tenant, e.stream_id, e.revision, e.event_id, e.type, e.data, e.metadata::text, encode(e.hash, 'hex') AS hash, e.position, e.transaction_id,
         w.ord, h.revision AS head_revision, encode(h.head_hash, 'hex') AS head_hash
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(tenant, stream_id, ord)
  LEFT JOIN streams h ON h.tenant = w.tenant AND h.stream_id = w.stream_id
  LEFT JOIN events e ON e.tenant = w.tenant AND e.stream_id = w.stream_id
  ORDER BY w.ord, e.revision`;

// One statement, so one round trip and atomic without BEGIN/COMMIT: the head row is the
// concurrency check (its update only matches the revision and hash the events were chained on)
// and the events are inserted only if it matched. The batch travels compactly: data as one JSON
// array, the metadata they share once, the 32-byte hashes as one binary string.
const INSERT_EVENTS = `
  INSERT INTO events (tenant, stream_id, revision, event_id, type, data, metadata, hash)
  SELECT $1, $2, $3::bigint + e.ord, e.id, e.type, $8::jsonb -> (e.ord - 1)::int,
         $9::jsonb || jsonb_build_object('schemaVersion', e.schema_version),
         substring($10::bytea from ((e.ord - 1) * 32 + 1)::int for 32)
  FROM head, unnest($6::uuid[], $7::text[], $11::int[]) WITH ORDINALITY AS e(id, type, schema_version, ord)
  RETURNING position, transaction_id`;
const APPEND_TO_NEW_STREAM = `
  WITH head AS (
    INSERT INTO streams (tenant, stream_id, revision, head_hash) VALUES ($1, $2, $4, $5)
    ON CONFLICT DO NOTHING RETURNING 1
  )${INSERT_EVENTS}`;
const APPEND_TO_EXISTING_STREAM = `
  WITH head AS (
    UPDATE streams SET revision = $4, head_hash = $5, updated_at = now()
    WHERE tenant = $1 AND stream_id = $2 AND revision = $3 AND head_hash = $12
    RETURNING 1
  )${INSERT_EVENTS}`;

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
    this.poolQueryable = new PoolQueryable(options.pool);
    this.clock = options.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    this.notifier = new PostgresNotifier(options.pool, options.connection, this.wakeSignal);
  }

  append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.appendVia(this.poolQueryable, stream, events, options);
  }

  /**
   * Appends inside the caller's open transaction, so that other writes (an outbox row, a timer)
   * commit or roll back together with the events. The events become visible to readers, and to
   * the stream's concurrency check, when the caller commits.
   */
  appendInTransaction(client: PoolClient, stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.appendVia(new TransactionQueryable(client), stream, events, options);
  }

  private async appendVia(db: Queryable, stream: StreamName, input: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
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
    const { rows } = await this.pool.query<EventRow>({
      rowMode: 'array',
      name: backwards ? 'read-stream-backwards' : 'read-stream-forwards',
      text: `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant = $1 AND stream_id = $2 AND revision ${backwards ? '<=' : '>='} $3
             ORDER BY events.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
      values: [stream.tenant, stream.id, (options.fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n)).toString(), options.maxCount ?? null],
    });
    const events = rows.map((row) => toRecordedEvent(row));
    const newest = backwards ? events[0] : events.at(-1);
    if (newest) this.heads.set(key(stream), { revision: newest.revision, hash: Buffer.from(newest.hash, 'hex') });
    return events;
  }

  /**
   * Events in global order, strictly after `fromPosition`, never past the oldest transaction that
   * is still running: everything below that fence is settled, so a reader that checkpoints the
   * last event it got can never skip one that commits later.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? START : options.fromPosition;
    const { rows } = await this.pool.query<EventRow>({
      rowMode: 'array',
      name: 'read-all',
      text: `SELECT ${EVENT_COLUMNS} FROM events
             WHERE (transaction_id, position) > ($1, $2)
               AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
             ORDER BY events.transaction_id, events.position LIMIT $3`,
      values: [from.commit.toString(), from.prepare.toString(), options.maxCount ?? this.pageSize],
    });
    return rows.map((row) => toRecordedEvent(row));
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.notifier.listen();
    let position = options.fromPosition === undefined || options.fromPosition === 'start' ? START : options.fromPosition;
    let closed = false;
    const store = this;
    const subscription: Subscription = {
      async *[Symbol.asyncIterator]() {
        while (!closed) {
          const seen = store.wakeSignal.current;
          const page = await store.readAll({ fromPosition: position, maxCount: store.pageSize });
          for (const event of page) {
            if (closed) return;
            yield event;
            position = event.position;
          }
          if (page.length < store.pageSize && !closed) await store.wakeSignal.wait(seen, store.pollIntervalMs);
        }
      },
      close: async () => {
        closed = true;
        store.subscriptions.delete(subscription);
        store.wakeSignal.wake();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamHead(stream: StreamName): Promise<StreamHead | undefined> {
    const head = await this.loadHead(this.poolQueryable, stream);
    return head.revision < 0n ? undefined : { revision: head.revision, hash: head.hash.toString('hex') };
  }

  async listStreams(options: ListStreamsOptions = {}): Promise<StreamName[]> {
    const { rows } = await this.pool.query<{ tenant: string; stream_id: string }>({
      name: 'list-streams',
      text: `SELECT tenant, stream_id FROM streams
             WHERE ($1::text IS NULL OR tenant = $1) AND starts_with(stream_id, $2) AND (tenant, stream_id) > ($3, $4)
             ORDER BY tenant, stream_id LIMIT $5`,
      values: [options.tenant ?? null, options.prefix ?? '', options.after?.tenant ?? '', options.after?.id ?? '', options.maxCount ?? this.pageSize],
    });
    return rows.map((row) => ({ tenant: row.tenant, id: row.stream_id }));
  }

  /** {@link STREAMS_PER_READ} streams per statement, the statements in parallel. */
  override readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]> {
    return this.readStreamsVia(this.poolQueryable, streams);
  }

  /** `readStreams` inside a caller's transaction: it sees what the transaction appended itself (its connection runs the statements in turn). */
  readStreamsInTransaction(client: PoolClient, streams: readonly StreamName[]): Promise<StreamRecord[]> {
    return this.readStreamsVia(new TransactionQueryable(client), streams);
  }

  private async readStreamsVia(db: Queryable, streams: readonly StreamName[]): Promise<StreamRecord[]> {
    const chunks: StreamName[][] = [];
    for (let i = 0; i < streams.length; i += STREAMS_PER_READ) chunks.push(streams.slice(i, i + STREAMS_PER_READ));
    return (await Promise.all(chunks.map((chunk) => this.readStreamChunk(db, chunk)))).flat();
  }

  private async readStreamChunk(db: Queryable, streams: readonly StreamName[]): Promise<StreamRecord[]> {
    const arrays: QueryArrayConfig = {
      rowMode: 'array',
      name: 'read-streams',
      text: READ_STREAMS,
      values: [streams.map((s) => s.tenant), streams.map((s) => s.id)],
    };
    const rows = (await db.query(arrays)).rows as unknown as StreamRow[];
    const records = streams.map((stream): StreamRecord => ({ stream, events: [], head: undefined }));
    let metadata: [text: string, parsed: EventMetadata] = ['', undefined!];
    for (const row of rows) {
      const index = Number(row[10]) - 1;
      if (row[11] !== null && records[index].head === undefined) records[index] = { ...records[index], head: { revision: BigInt(row[11]), hash: row[12]! } };
      if (row[0] === null) continue;
      if (row[6] !== metadata[0]) metadata = [row[6], JSON.parse(row[6]) as EventMetadata];
      records[index].events.push(toRecordedEvent(row, metadata[1]));
    }
    // As after readStream: the next append to these streams guesses its head right (one round trip).
    for (const { stream, head } of records) if (head) this.heads.set(key(stream), { revision: head.revision, hash: Buffer.from(head.hash, 'hex') });
    return records;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.notifier.close();
  }

  private async tryWrite(db: Queryable, stream: StreamName, events: readonly NewEvent[], head: Head, options: AppendOptions): Promise<AppendResult | undefined> {
    const shared = { ...options.context, tenant: stream.tenant, recordedAt: this.clock.now().toISOString() };
    const canonicalMetadata = new Map<number, string>(); // per schema version: usually one for the batch
    let previous = head.hash;
    const hashes: Buffer[] = [];
    for (const [index, event] of events.entries()) {
      const metadata: EventMetadata = { ...shared, schemaVersion: event.schemaVersion ?? 1 };
      if (!canonicalMetadata.has(metadata.schemaVersion)) canonicalMetadata.set(metadata.schemaVersion, jcs(metadata));
      const revision = head.revision + 1n + BigInt(index);
      previous = chainHash(previous, { stream, revision, id: event.id, type: event.type, data: event.data, metadata }, canonicalMetadata.get(metadata.schemaVersion));
      hashes.push(previous);
    }
    const newRevision = head.revision + BigInt(events.length);
    const query: QueryConfig = {
      name: head.revision < 0n ? 'append-new-stream' : 'append-existing-stream',
      text: head.revision < 0n ? APPEND_TO_NEW_STREAM : APPEND_TO_EXISTING_STREAM,
      values: [
        stream.tenant,
        stream.id,
        head.revision.toString(),
        newRevision.toString(),
        previous,
        events.map((e) => e.id),
        events.map((e) => e.type),
        JSON.stringify(events.map((e) => e.data)),
        JSON.stringify(shared),
        Buffer.concat(hashes),
        events.map((e) => e.schemaVersion ?? 1),
        ...(head.revision < 0n ? [] : [head.hash]),
      ],
    };
    try {
      const { rows } = await db.write<{ position: string; transaction_id: string }>(query);
      if (rows.length === 0) return undefined;
      this.heads.set(key(stream), { revision: newRevision, hash: previous });
      this.notifier.notify();
      const last = rows.reduce((a, b) => (BigInt(a.position) > BigInt(b.position) ? a : b));
      return { nextExpectedRevision: newRevision, position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) } };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  /** A retried append: when the stream already holds all of these event ids, answer as the first time. */
  private async findOriginal(db: Queryable, stream: StreamName, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const { rows } = await db.query<{ revision: string; position: string; transaction_id: string }>({
      name: 'find-events-by-id',
      text: `SELECT revision, position, transaction_id FROM events
             WHERE tenant = $1 AND stream_id = $2 AND event_id = ANY($3::uuid[]) ORDER BY events.revision`,
      values: [stream.tenant, stream.id, events.map((e) => e.id)],
    });
    if (rows.length === 0) return undefined;
    if (rows.length !== events.length) throw new EventIdConflictError(stream, events.map((e) => e.id));
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: BigInt(last.revision), position: { commit: BigInt(last.transaction_id), prepare: BigInt(last.position) } };
  }

  private async loadHead(db: Queryable, stream: StreamName): Promise<Head> {
    const { rows } = await db.query<{ revision: string; head_hash: Buffer }>({
      name: 'load-head',
      text: 'SELECT revision, head_hash FROM streams WHERE tenant = $1 AND stream_id = $2',
      values: [stream.tenant, stream.id],
    });
    const head = rows[0] ? { revision: BigInt(rows[0].revision), hash: rows[0].head_hash } : NO_STREAM;
    this.heads.set(key(stream), head);
    return head;
  }
}

/** Where an append runs: straight on the pool, or inside a caller's transaction. */
interface Queryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
  /** A statement that may fail on a duplicate event id without spoiling what runs after it. */
  write<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

class PoolQueryable implements Queryable {
  constructor(private readonly pool: Pool) {}

  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    return this.pool.query<R>(config);
  }

  write<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    return this.pool.query<R>(config); // autocommit: a failed statement rolls back alone
  }
}

/** In a transaction a failed statement aborts everything after it; a savepoint confines it. */
class TransactionQueryable implements Queryable {
  constructor(private readonly client: PoolClient) {}

  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    return this.client.query<R>(config);
  }

  async write<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    await this.client.query('SAVEPOINT iop_append');
    try {
      const result = await this.client.query<R>(config);
      await this.client.query('RELEASE SAVEPOINT iop_append');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK TO SAVEPOINT iop_append');
      throw error;
    }
  }
}

function key(stream: StreamName): string {
  return `${stream.tenant}\u0000${stream.id}`;
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

function toRecordedEvent(
  [tenant, streamId, revision, eventId, type, data, rowMetadata, hash, position, transactionId]: Readonly<EventRow> | Readonly<StreamRow>,
  metadata: EventMetadata = rowMetadata as EventMetadata,
): RecordedEvent {
  return {
    stream: { tenant, id: streamId },
    id: eventId,
    type,
    data,
    metadata,
    revision: BigInt(revision),
    position: { commit: BigInt(transactionId), prepare: BigInt(position) },
    hash,
  };
}
