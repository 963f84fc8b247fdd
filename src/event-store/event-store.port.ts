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

/** Who caused an event and under which rules; recordedAt and tenant are filled in by the store. */
export interface EventContext {
  readonly actorId: string;
  /** The actor's name when they acted: auditors read history long after accounts are gone. */
  readonly actorName: string;
  readonly actorRole: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly machineId: string;
  readonly machineVersion: number;
}

export interface EventMetadata extends EventContext {
  readonly tenant: string;
  /** ISO timestamp from the server's clock at append. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

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

export interface RecordedEvent<T extends string = string, D extends JsonObject = JsonObject> {
  readonly stream: StreamName;
  readonly id: string;
  readonly type: T;
  readonly data: D;
  readonly metadata: EventMetadata;
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

export abstract class EventStore {
  abstract append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  abstract readStream(stream: StreamName, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  abstract subscribe(options?: SubscribeOptions): Subscription;
  abstract streamHead(stream: StreamName): Promise<StreamHead | undefined>;
  /** Streams in (tenant, id) order, a page at a time: what an auditor walks to verify everything. */
  abstract listStreams(options?: ListStreamsOptions): Promise<StreamName[]>;

  /**
   * Whole streams with their heads, in the order asked (a stream that does not exist: no events,
   * no head): what a verifier reads in bulk. This default reads them one by one; an adapter that
   * can read many in one round trip, and events and head in one snapshot, should.
   */
  readStreams(streams: readonly StreamName[]): Promise<StreamRecord[]> {
    return Promise.all(
      streams.map(async (stream) => {
        const [events, head] = await Promise.all([this.readStream(stream), this.streamHead(stream)]);
        return { stream, events, head };
      }),
    );
  }
}

export const START: Position = { commit: 0n, prepare: 0n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
