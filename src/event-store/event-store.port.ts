/**
 * The one way anything reads or writes events. Semantics follow the KurrentDB client
 * (expected revisions, positions with commit/prepare parts) so that a KurrentDB adapter can
 * implement the same port; the PostgreSQL adapter is the default.
 */

/** A stream is addressed within a tenant (municipality); tenants never share a stream. */
export interface StreamName {
  readonly tenant: string;
  readonly id: string;
}

/** `no_stream`: must not exist yet; `stream_exists`: must exist; `any`: no check; bigint: its last revision. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Who caused an event, and any metadata of the writer's own (KurrentDB's custom metadata: the case
 * repository records the machine a case event was decided under). The store records it as given
 * and knows none of the writer's keys; tenant, recordedAt and schemaVersion are the store's.
 */
export interface EventContext {
  readonly actorId: string;
  /** The actor's name when they acted: auditors read history long after accounts are gone. */
  readonly actorName: string;
  readonly actorRole: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly [custom: string]: JsonValue;
}

export interface EventMetadata extends EventContext {
  readonly tenant: string;
  /** ISO timestamp from the server's clock at append. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
}

export interface NewEvent<T extends string = string, D extends JsonObject = JsonObject> {
  /** A UUID chosen by the writer: appending an id the stream already holds writes nothing. */
  readonly id: string;
  readonly type: T;
  readonly data: D;
  readonly schemaVersion?: number;
}

/** A place in the global order: `commit` is the writing transaction, `prepare` the event's sequence number. */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface RecordedEvent<T extends string = string, D extends JsonObject = JsonObject, M extends EventMetadata = EventMetadata> {
  readonly stream: StreamName;
  readonly id: string;
  readonly type: T;
  readonly data: D;
  readonly metadata: M;
  readonly revision: bigint;
  readonly position: Position;
  /** Hex sha256 over the previous event's hash and this event's canonical form. */
  readonly hash: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  readonly context: EventContext;
}

export interface AppendResult {
  /** The stream's revision after the append: pass it as expectedRevision next time. */
  readonly nextExpectedRevision: bigint;
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: the checkpoint a reader stored after its last delivered event. */
  readonly fromPosition?: 'start' | Position;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive, like {@link ReadAllOptions.fromPosition}. */
  readonly fromPosition?: 'start' | Position;
}

/** Catches up, then stays live. Iterate it; `close()` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/** The head of a stream as the store recorded it, for verifying the chain up to its end. */
export interface StreamHead {
  readonly revision: bigint;
  readonly hash: string;
}

export interface ListStreamsOptions {
  /** Only this tenant's streams; all tenants when absent. */
  readonly tenant?: string;
  /** Only streams whose id starts with this, e.g. `case-`. */
  readonly prefix?: string;
  /** Exclusive: the last stream of the previous page. */
  readonly after?: StreamName;
  readonly maxCount?: number;
}

/** A whole stream and its recorded head, as one reader saw them. */
export interface StreamRecord {
  readonly stream: StreamName;
  readonly events: RecordedEvent[];
  readonly head: StreamHead | undefined;
}

/** What reads and writes whole streams: the store itself, or one of its transactions. */
export interface StreamWriter {
  append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Whole streams with their heads, in the order asked (a stream that does not exist: no events,
   * no head), events and head as one reader saw them: what a verifier reads in bulk.
   */
  readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]>;
}

/**
 * A transaction of the store. What is appended through it becomes visible, to readers and to the
 * streams' revision checks, when the transaction commits, together with whatever other adapters of
 * the same database wrote in it (an outbox row, a timer's mark) — or none of it. Reads through it
 * see its own appends. A refused append (wrong expected revision) leaves it usable.
 */
export interface StoreTransaction extends StreamWriter {
  /** Streams as {@link EventStore.listStreams}, as this transaction sees them. */
  listStreams(options?: ListStreamsOptions): Promise<StreamName[]>;
}

export interface TransactionOptions {
  /** Reads only, all from one snapshot (a consistent picture of every stream); appends are refused. */
  readonly readOnly?: boolean;
}

export abstract class EventStore implements StreamWriter {
  abstract append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  abstract readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The events of `stream` with these ids, in stream order (ids it does not hold give nothing): how a
   * retried request finds what it wrote without reading the stream from its start. Idempotent
   * appends need the same knowledge (an id already in the stream is not written again); a store
   * without an index by id (KurrentDB) reads the stream backwards until it has found them.
   */
  abstract readEventsById(stream: StreamName, ids: readonly string[]): Promise<RecordedEvent[]>;
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  abstract subscribe(options?: SubscribeOptions): Subscription;
  abstract streamHead(stream: StreamName): Promise<StreamHead | undefined>;
  /** Streams in (tenant, id) order, a page at a time: what an auditor walks to verify everything. */
  abstract listStreams(options?: ListStreamsOptions): Promise<StreamName[]>;
  abstract readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]>;

  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. For
   * "this event and that outbox row, or neither"; see {@link StoreTransaction}.
   */
  abstract withTransaction<T>(work: (transaction: StoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;

  /** Ends subscriptions and releases what the store holds (not the connection pool it was given). */
  abstract close(): Promise<void>;
}

export const START: Position = { commit: 0n, prepare: 0n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
