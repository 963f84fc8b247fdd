import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Database } from '../../database/database';
import { GENESIS_HASH } from '../../event-store/hash-chain';
import { Clock } from '../../shared/clock';
import { inTransaction } from '../../database/transaction';

export interface Anchor {
  readonly sequence: string;
  readonly createdAt: string;
  /** Stream heads recorded in this anchor: those that changed since the one before. */
  readonly streams: number;
  readonly hash: string;
}

export interface AnchorProblem {
  /** Set when the problem is one tenant's stream; absent for the anchor chain itself. */
  readonly tenant?: string;
  readonly what: string;
}

export interface AnchorVerdict {
  readonly intact: boolean;
  readonly anchors: number;
  readonly latest?: Anchor;
  readonly problems: AnchorProblem[];
}

interface AnchorRow {
  sequence: string;
  created_at: Date;
  streams: number;
  digest: Buffer;
  previous: Buffer;
  hash: Buffer;
}

interface HeadRow {
  tenant: string;
  stream_id: string;
  revision: string;
  head_hash: Buffer;
}

const LOCK = 0x10b_a7c4;

/**
 * The global anchor. Each anchor records the stream heads that changed since the previous one, and
 * is chained to it: hash = sha256(previous ‖ JCS({ sequence, createdAt, streams, digest })), where
 * digest = sha256 of the lines "tenant\nstream\nrevision\nhead hash (hex)\n" in (tenant, stream)
 * order. Streams are append-only, so every head ever anchored must still be in its stream: a
 * deleted stream shows. An auditor who keeps the latest anchor's hash outside the system can show
 * a database rewound to an older copy, which no longer holds that anchor.
 */
@Injectable()
export class Anchors {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Anchors the heads that changed since the last anchor; nothing changed, no anchor — unless
   * `startChain` asks for the first anchor of a store that has none yet, even an empty one.
   */
  async anchor({ startChain = false } = {}): Promise<Anchor | undefined> {
    return inTransaction(this.db.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]); // one anchorer at a time, across instances
      const [last] = (await client.query<AnchorRow>('SELECT * FROM anchors ORDER BY sequence DESC LIMIT 1')).rows;
      const { rows: heads } = await client.query<HeadRow>(`
        SELECT s.tenant, s.stream_id, s.revision, s.head_hash FROM streams s
        LEFT JOIN LATERAL (SELECT revision, head_hash FROM anchor_heads a WHERE a.tenant = s.tenant AND a.stream_id = s.stream_id ORDER BY sequence DESC LIMIT 1) a ON true
        WHERE a.revision IS DISTINCT FROM s.revision OR a.head_hash IS DISTINCT FROM s.head_hash
        ORDER BY s.tenant, s.stream_id`);
      if (heads.length === 0 && (last || !startChain)) return undefined;
      const sequence = (BigInt(last?.sequence ?? 0) + 1n).toString();
      const createdAt = this.clock.now();
      const digest = digestOf(heads);
      const hash = anchorHash(last?.hash ?? GENESIS_HASH, sequence, createdAt, heads.length, digest);
      await client.query('INSERT INTO anchors VALUES ($1, $2, $3, $4, $5, $6)', [sequence, createdAt, heads.length, digest, last?.hash ?? GENESIS_HASH, hash]);
      await client.query(
        `INSERT INTO anchor_heads (sequence, tenant, stream_id, revision, head_hash)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bytea[])`,
        [sequence, heads.map((h) => h.tenant), heads.map((h) => h.stream_id), heads.map((h) => h.revision), heads.map((h) => h.head_hash)],
      );
      return { sequence, createdAt: createdAt.toISOString(), streams: heads.length, hash: hash.toString('hex') };
    });
  }

  /**
   * Recomputes the chain of anchors, checks that every anchored head is still in its stream, and
   * — given the hash an auditor kept — that this database still holds that anchor. One statement
   * reads it all, in one snapshot.
   */
  async verify(kept?: string): Promise<AnchorVerdict> {
    const { rows } = await this.db.pool.query<AnchorCheckRow>(VERIFY_ANCHORS);
    const problems: AnchorProblem[] = [];
    const anchors: AnchorRow[] = [];
    let previous: Buffer = GENESIS_HASH;
    for (let i = 0; i < rows.length;) {
      const anchor = rows[i];
      const heads: AnchorCheckRow[] = [];
      for (; i < rows.length && rows[i].sequence === anchor.sequence; i++) if (rows[i].tenant !== null) heads.push(rows[i]);
      const expected = anchorHash(previous, anchor.sequence, anchor.created_at, heads.length, digestOf(heads));
      if (!expected.equals(anchor.hash) || !previous.equals(anchor.previous))
        problems.push({ what: `anchor ${anchor.sequence} does not match its heads or its predecessor` });
      anchors.push(anchor);
      previous = anchor.hash;
    }
    problems.push(...headProblems(rows));
    if (kept && !anchors.some((a) => a.hash.toString('hex') === kept)) {
      problems.push({ what: `the anchor ${kept} kept outside is not in this database: it was rewound to an older copy, or anchors were removed` });
    }
    const last = anchors.at(-1);
    return {
      intact: problems.length === 0,
      anchors: anchors.length,
      ...(last && { latest: { sequence: last.sequence, createdAt: last.created_at.toISOString(), streams: last.streams, hash: last.hash.toString('hex') } }),
      problems,
    };
  }
}

/**
 * Every anchor with the heads it recorded, and for each head what its stream holds at that
 * revision now and how far the stream's head row reaches. Every anchored head is looked at, not
 * only each stream's last: a forger who rewrites a stream and recomputes its chain gets the new
 * head anchored next time, but the older anchors still hold the old one.
 */
const VERIFY_ANCHORS = `
  SELECT a.sequence, a.created_at, a.streams, a.digest, a.previous, a.hash,
         h.tenant, h.stream_id, h.revision, h.head_hash, e.hash AS event_hash, s.revision AS stream_revision
  FROM anchors a
  LEFT JOIN anchor_heads h ON h.sequence = a.sequence
  LEFT JOIN events e ON e.tenant = h.tenant AND e.stream_id = h.stream_id AND e.revision = h.revision
  LEFT JOIN streams s ON s.tenant = h.tenant AND s.stream_id = h.stream_id
  ORDER BY a.sequence, h.tenant, h.stream_id`;

interface AnchorCheckRow extends AnchorRow, HeadRow {
  event_hash: Buffer | null;
  stream_revision: string | null;
}

/** Per stream, its earliest anchored head that no longer holds (rows come in anchor order): one problem per stream is enough. */
function headProblems(rows: readonly AnchorCheckRow[]): AnchorProblem[] {
  const byStream = new Map<string, AnchorProblem>();
  for (const row of rows) {
    const key = `${row.tenant}/${row.stream_id}`;
    if (row.tenant === null || byStream.has(key)) continue;
    const problem = headProblem(row);
    if (problem) byStream.set(key, problem);
  }
  return [...byStream.values()];
}

/** An anchored head must still be in its stream, with the same hash, and the stream must still have its head row. */
function headProblem(head: AnchorCheckRow): AnchorProblem | undefined {
  const where = `${head.tenant}/${head.stream_id}`;
  if (head.event_hash === null) return { tenant: head.tenant, what: `${where}: anchored revision ${head.revision} is gone (stream deleted or cut back)` };
  if (!head.event_hash.equals(head.head_hash)) return { tenant: head.tenant, what: `${where}: revision ${head.revision} was rewritten after it was anchored` };
  if (head.stream_revision === null || BigInt(head.stream_revision) < BigInt(head.revision)) {
    return { tenant: head.tenant, what: `${where}: its head is gone or behind anchored revision ${head.revision}, so verification would not see it` };
  }
  return undefined;
}

function digestOf(heads: readonly HeadRow[]): Buffer {
  const digest = createHash('sha256');
  for (const h of heads) digest.update(`${h.tenant}\n${h.stream_id}\n${h.revision}\n${h.head_hash.toString('hex')}\n`);
  return digest.digest();
}

function anchorHash(previous: Buffer, sequence: string, createdAt: Date, streams: number, digest: Buffer): Buffer {
  const form = canonicalize({ sequence, createdAt: createdAt.toISOString(), streams, digest: digest.toString('hex') }) ?? '';
  return createHash('sha256').update(previous).update(form, 'utf8').digest();
}
