import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Database } from '../../database/database';
import { EventStore } from '../../event-store/event-store.port';
import { GENESIS_HASH } from '../../event-store/hash-chain';
import { Clock } from '../../shared/clock';

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
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Anchors the heads that changed since the last anchor; nothing changed, no anchor. */
  async anchor(): Promise<Anchor | undefined> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]); // one anchorer at a time, across instances
      const [last] = (await client.query<AnchorRow>('SELECT * FROM anchors ORDER BY sequence DESC LIMIT 1')).rows;
      const { rows: heads } = await client.query<HeadRow>(`
        SELECT s.tenant, s.stream_id, s.revision, s.head_hash FROM streams s
        LEFT JOIN LATERAL (SELECT revision, head_hash FROM anchor_heads a WHERE a.tenant = s.tenant AND a.stream_id = s.stream_id ORDER BY sequence DESC LIMIT 1) a ON true
        WHERE a.revision IS DISTINCT FROM s.revision OR a.head_hash IS DISTINCT FROM s.head_hash
        ORDER BY s.tenant, s.stream_id`);
      if (heads.length === 0) {
        await client.query('COMMIT');
        return undefined;
      }
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
      await client.query('COMMIT');
      return { sequence, createdAt: createdAt.toISOString(), streams: heads.length, hash: hash.toString('hex') };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Recomputes the chain of anchors, checks that every anchored head is still in its stream, and —
   * given the hash an auditor kept — that this database still holds that anchor.
   */
  async verify(kept?: string): Promise<AnchorVerdict> {
    const { rows: anchors } = await this.db.pool.query<AnchorRow>('SELECT * FROM anchors ORDER BY sequence');
    const problems: AnchorProblem[] = [];
    let previous: Buffer = GENESIS_HASH;
    for (const anchor of anchors) {
      const { rows: heads } = await this.db.pool.query<HeadRow>(
        'SELECT tenant, stream_id, revision, head_hash FROM anchor_heads WHERE sequence = $1 ORDER BY tenant, stream_id',
        [anchor.sequence],
      );
      const expected = anchorHash(previous, anchor.sequence, anchor.created_at, heads.length, digestOf(heads));
      if (!expected.equals(anchor.hash) || !previous.equals(anchor.previous)) problems.push({ what: `anchor ${anchor.sequence} does not match its heads or its predecessor` });
      previous = anchor.hash;
    }
    if (kept && !anchors.some((a) => a.hash.toString('hex') === kept)) {
      problems.push({ what: `the anchor ${kept} kept outside is not in this database: it was rewound to an older copy, or anchors were removed` });
    }
    problems.push(...(await this.missingHeads()));
    const last = anchors.at(-1);
    return {
      intact: problems.length === 0,
      anchors: anchors.length,
      ...(last && { latest: { sequence: last.sequence, createdAt: last.created_at.toISOString(), streams: last.streams, hash: last.hash.toString('hex') } }),
      problems,
    };
  }

  /** Every stream's last anchored head must still be in the stream, with the same hash. */
  private async missingHeads(): Promise<AnchorProblem[]> {
    const { rows } = await this.db.pool.query<HeadRow>(
      'SELECT DISTINCT ON (tenant, stream_id) tenant, stream_id, revision, head_hash FROM anchor_heads ORDER BY tenant, stream_id, sequence DESC',
    );
    const problems: AnchorProblem[] = [];
    for (const head of rows) {
      const stream = { tenant: head.tenant, id: head.stream_id };
      const [event] = await this.store.readStream(stream, { fromRevision: BigInt(head.revision), maxCount: 1 });
      const where = `${head.tenant}/${head.stream_id}`;
      if (!event || event.revision !== BigInt(head.revision)) problems.push({ tenant: head.tenant, what: `${where}: anchored revision ${head.revision} is gone (stream deleted or cut back)` });
      else if (event.hash !== head.head_hash.toString('hex')) problems.push({ tenant: head.tenant, what: `${where}: revision ${head.revision} was rewritten after it was anchored` });
    }
    return problems;
  }
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
