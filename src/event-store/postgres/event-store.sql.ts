import type { QueryArrayConfig, QueryConfig } from 'pg';
import type { EventMetadata, ListStreamsOptions, Position, RecordedEvent, StreamHead, StreamName } from '../event-store.port';

/**
 * Every statement of the PostgreSQL event store, and how its rows become the port's types. Tables:
 * `events` (one row per event) and `streams` (one row per stream: its last revision and the hash
 * of its last event); see docs/ARCHITECTURE.md. node-postgres returns bigint columns as strings,
 * which become bigints exactly (bigintOf); hashes come as hex text, as the port hands them out. Event rows
 * are fetched as arrays (no intermediate object per row on the read path) and named once, here.
 */

// Metadata comes as text: the events of one append share it, and it is parsed once per run of
// equal texts (for a page of batch-written events, most of what parsing it would cost).
const EVENT_COLUMNS = "tenant, stream_id, revision, event_id, type, data, metadata::text, encode(hash, 'hex') AS hash, position, transaction_id";

/** A row of {@link EVENT_COLUMNS}. */
type EventRow = [
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
];

/** A row of {@link READ_STREAMS}: an event (all NULL for a stream without events), then which stream it belongs to and that stream's head. */
type StreamRow = [...event: EventRow, ord: string, headRevision: string | null, headHash: string | null];

// Whole streams and their heads in one statement, so one snapshot: an append between reading the
// events and reading the head cannot make a stream look cut short. A stream with a head but no
// events still gives its head (one row of NULL events).
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

export type PositionRow = { position: string; transaction_id: string };
export type HeadRow = { revision: string; head_hash: Buffer };

export function readStreamQuery(stream: StreamName, backwards: boolean, fromRevision: bigint | undefined, maxCount: number | undefined): QueryArrayConfig {
  return {
    rowMode: 'array',
    name: backwards ? 'read-stream-backwards' : 'read-stream-forwards',
    text: `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant = $1 AND stream_id = $2 AND revision ${backwards ? '<=' : '>='} $3
           ORDER BY events.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
    values: [stream.tenant, stream.id, (fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n)).toString(), maxCount ?? null],
  };
}

/** Strictly after `from`, never at or past the oldest transaction still running (the fence: see docs/ARCHITECTURE.md). */
export function readAllQuery(from: Position, maxCount: number): QueryArrayConfig {
  return {
    rowMode: 'array',
    name: 'read-all',
    text: `SELECT ${EVENT_COLUMNS} FROM events
           WHERE (transaction_id, position) > ($1, $2)
             AND transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)
           ORDER BY events.transaction_id, events.position LIMIT $3`,
    values: [from.commit.toString(), from.prepare.toString(), maxCount],
  };
}

export function readStreamsQuery(streams: readonly StreamName[]): QueryArrayConfig {
  return { rowMode: 'array', name: 'read-streams', text: READ_STREAMS, values: [streams.map((s) => s.tenant), streams.map((s) => s.id)] };
}

export function listStreamsQuery(options: ListStreamsOptions, pageSize: number): QueryConfig {
  return {
    name: 'list-streams',
    text: `SELECT tenant, stream_id FROM streams
           WHERE ($1::text IS NULL OR tenant = $1) AND starts_with(stream_id, $2) AND (tenant, stream_id) > ($3, $4)
           ORDER BY tenant, stream_id LIMIT $5`,
    values: [options.tenant ?? null, options.prefix ?? '', options.after?.tenant ?? '', options.after?.id ?? '', options.maxCount ?? pageSize],
  };
}

export function loadHeadQuery(stream: StreamName): QueryConfig {
  return { name: 'load-head', text: 'SELECT revision, head_hash FROM streams WHERE tenant = $1 AND stream_id = $2', values: [stream.tenant, stream.id] };
}

export function findEventsByIdQuery(stream: StreamName, ids: readonly string[]): QueryConfig {
  return {
    name: 'find-events-by-id',
    text: `SELECT revision, position, transaction_id FROM events
           WHERE tenant = $1 AND stream_id = $2 AND event_id = ANY($3::uuid[]) ORDER BY events.revision`,
    values: [stream.tenant, stream.id, ids],
  };
}

export function readEventsByIdQuery(stream: StreamName, ids: readonly string[]): QueryArrayConfig {
  return {
    rowMode: 'array',
    name: 'read-events-by-id',
    text: `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant = $1 AND stream_id = $2 AND event_id = ANY($3::uuid[]) ORDER BY events.revision`,
    values: [stream.tenant, stream.id, ids],
  };
}

export interface AppendStatement {
  readonly stream: StreamName;
  /** -1n for a new stream. */
  readonly previousRevision: bigint;
  readonly previousHash: Buffer;
  readonly newRevision: bigint;
  readonly newHash: Buffer;
  readonly events: readonly { readonly id: string; readonly type: string; readonly data: object; readonly schemaVersion: number }[];
  /** The metadata the batch shares; each event's schemaVersion is added in SQL. */
  readonly metadata: object;
  readonly hashes: readonly Buffer[];
}

/** Writes the events only if the stream's head is still the one they were chained on; no rows back: it was not. */
export function appendQuery(append: AppendStatement): QueryConfig {
  const isNew = append.previousRevision < 0n;
  return {
    name: isNew ? 'append-new-stream' : 'append-existing-stream',
    text: isNew ? APPEND_TO_NEW_STREAM : APPEND_TO_EXISTING_STREAM,
    values: [
      append.stream.tenant,
      append.stream.id,
      append.previousRevision.toString(),
      append.newRevision.toString(),
      append.newHash,
      append.events.map((e) => e.id),
      append.events.map((e) => e.type),
      JSON.stringify(append.events.map((e) => e.data)),
      JSON.stringify(append.metadata),
      Buffer.concat(append.hashes),
      append.events.map((e) => e.schemaVersion),
      ...(isNew ? [] : [append.previousHash]),
    ],
  };
}

// Many single appends, to different streams, in one statement: each member's head is checked on
// its own (a member whose head moved, or whose stream already holds one of its event ids, writes
// nothing and is answered by the caller's usual path) and only the members that won insert their
// events. One instance never has two statements in flight for one stream (see GroupCommit); two
// instances' groups that lock the same heads in opposite orders are a deadlock PostgreSQL breaks
// by failing one statement, whose appends are then written one by one.
const APPEND_GROUP = `
  WITH members AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bytea[], $6::bytea[], $7::jsonb[])
      WITH ORDINALITY AS m(tenant, stream_id, previous_revision, new_revision, previous_hash, new_hash, metadata, member)
  ),
  incoming AS (
    SELECT * FROM unnest($8::int[], $9::uuid[], $10::text[], $11::int[]) WITH ORDINALITY AS e(member, id, type, schema_version, ord)
  ),
  fresh AS (
    SELECT * FROM members m
    WHERE NOT EXISTS (SELECT 1 FROM incoming i JOIN events e ON e.tenant = m.tenant AND e.stream_id = m.stream_id AND e.event_id = i.id WHERE i.member = m.member)
  ),
  created AS (
    INSERT INTO streams (tenant, stream_id, revision, head_hash)
    SELECT tenant, stream_id, new_revision, new_hash FROM fresh WHERE previous_revision < 0
    ON CONFLICT DO NOTHING RETURNING tenant, stream_id
  ),
  moved AS (
    UPDATE streams s SET revision = f.new_revision, head_hash = f.new_hash, updated_at = now()
    FROM fresh f
    WHERE f.previous_revision >= 0 AND s.tenant = f.tenant AND s.stream_id = f.stream_id
      AND s.revision = f.previous_revision AND s.head_hash = f.previous_hash
    RETURNING s.tenant, s.stream_id
  ),
  won AS (
    SELECT m.* FROM members m JOIN (SELECT * FROM created UNION ALL SELECT * FROM moved) w USING (tenant, stream_id)
  )
  INSERT INTO events (tenant, stream_id, revision, event_id, type, data, metadata, hash)
  SELECT w.tenant, w.stream_id, w.previous_revision + row_number() OVER (PARTITION BY i.member ORDER BY i.ord), i.id, i.type,
         $12::jsonb -> (i.ord - 1)::int, w.metadata || jsonb_build_object('schemaVersion', i.schema_version),
         substring($13::bytea from ((i.ord - 1) * 32 + 1)::int for 32)
  FROM won w JOIN incoming i USING (member)
  ORDER BY i.ord
  RETURNING tenant, stream_id, position, transaction_id`;

export type GroupRow = PositionRow & { tenant: string; stream_id: string };

/** {@link appendQuery} for several streams at once (one append per stream); a member gets rows back only if it was written. */
export function appendGroupQuery(appends: readonly AppendStatement[]): QueryConfig {
  const events = appends.flatMap((append, index) => append.events.map((event) => ({ member: index + 1, event })));
  return {
    name: 'append-group',
    text: APPEND_GROUP,
    values: [
      appends.map((a) => a.stream.tenant),
      appends.map((a) => a.stream.id),
      appends.map((a) => a.previousRevision.toString()),
      appends.map((a) => a.newRevision.toString()),
      appends.map((a) => a.previousHash),
      appends.map((a) => a.newHash),
      appends.map((a) => JSON.stringify(a.metadata)),
      events.map((e) => e.member),
      events.map((e) => e.event.id),
      events.map((e) => e.event.type),
      events.map((e) => e.event.schemaVersion),
      JSON.stringify(events.map((e) => e.event.data)),
      Buffer.concat(appends.flatMap((a) => a.hashes)),
    ],
  };
}

export function toRecordedEvent(
  [tenant, streamId, revision, eventId, type, data, , hash, position, transactionId]: Readonly<EventRow>,
  metadata: EventMetadata,
): RecordedEvent {
  return {
    stream: { tenant, id: streamId },
    id: eventId,
    type,
    data,
    metadata,
    revision: bigintOf(revision),
    position: { commit: bigintOf(transactionId), prepare: bigintOf(position) },
    hash,
  };
}

/**
 * A bigint column's text as a bigint. Through Number where that is exact (up to 15 digits: every
 * revision, position and transaction id for a long while), which costs a third of parsing the text
 * as a BigInt: three per row were most of what reading a page cost beyond the raw SELECT.
 */
function bigintOf(text: string): bigint {
  return text.length <= 15 ? BigInt(Number(text)) : BigInt(text);
}

/** Metadata texts to objects, parsing each run of equal texts once (the events of one append): rows in order through it. */
function metadataParser(): (text: string) => EventMetadata {
  let last = '';
  let parsed: EventMetadata;
  return (text) => {
    if (text !== last) [last, parsed] = [text, JSON.parse(text) as EventMetadata];
    return parsed;
  };
}

export function toRecordedEvents(rows: readonly unknown[]): RecordedEvent[] {
  const metadata = metadataParser();
  return (rows as EventRow[]).map((row) => toRecordedEvent(row, metadata(row[6])));
}

export function toPosition(row: PositionRow): Position {
  return { commit: bigintOf(row.transaction_id), prepare: bigintOf(row.position) };
}

/** The rows of {@link readStreamsQuery} as records, in the order the streams were asked for. */
export function toStreamRecords(
  streams: readonly StreamName[],
  rows: readonly unknown[],
): { stream: StreamName; events: RecordedEvent[]; head: StreamHead | undefined }[] {
  const records = streams.map((stream) => ({ stream, events: [] as RecordedEvent[], head: undefined as StreamHead | undefined }));
  const metadata = metadataParser();
  for (const row of rows as StreamRow[]) {
    const [tenant, , , , , , metadataText, , , , ord, headRevision, headHash] = row;
    const record = records[Number(ord) - 1];
    if (headRevision !== null && record.head === undefined) record.head = { revision: bigintOf(headRevision), hash: headHash! };
    if (tenant === null) continue; // a head without events
    record.events.push(toRecordedEvent(row as unknown as EventRow, metadata(metadataText)));
  }
  return records;
}
