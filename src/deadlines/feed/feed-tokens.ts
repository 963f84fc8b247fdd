import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { forbiddenRole } from '../../auth/access-denied';
import { FeedTokenError } from './feed-token.errors';
import type { Actor } from '../../auth/actor';
import { onlyOwnOrganisation } from '../../auth/organisation-scope';
import { Database } from '../../database/database';
import { Clock } from '../../shared/clock';

export const FEED_SCOPES = ['tenant', 'mine'] as const;
/** `tenant`: every case of the municipality; `mine`: the cases the token's owner handles (as officer). */
export type FeedScope = (typeof FEED_SCOPES)[number];

/** Whose deadlines a valid token shows. */
export interface FeedGrant {
  tenant: string;
  scope: FeedScope;
  ownerId: string;
}

/** The prefix makes a leaked token recognisable (secret scanners, log searches). */
const PREFIX = 'iopfeed_';

const hashOf = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * Tokens for the iCalendar feed. A calendar app cannot send a bearer header, so the token rides
 * in the URL; it is random (256 bits), shown once, stored only as its SHA-256 (a database reader
 * cannot subscribe), revocable, and redacted from request logs.
 */
@Injectable()
export class FeedTokens {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, scope: FeedScope): Promise<{ id: string; token: string; scope: FeedScope; createdAt: string }> {
    if (onlyOwnOrganisation(actor) !== undefined) {
      throw forbiddenRole("The deadline feed is for the municipality's officials.", [
        'handlaggare',
        'chef',
        'namndsekreterare',
        'registrator',
        'signatory',
        'auditor',
        'admin',
      ]);
    }
    const id = randomUUID();
    const token = PREFIX + randomBytes(32).toString('base64url');
    const createdAt = this.clock.now();
    await this.db.pool.query(
      'INSERT INTO deadline_feed_tokens (id, tenant, token_hash, scope, owner_id, owner_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, actor.tenant, hashOf(token), scope, actor.id, actor.name, createdAt],
    );
    return { id, token, scope, createdAt: createdAt.toISOString() };
  }

  /** The caller's own tokens, newest first, without the tokens themselves (only their hashes are kept). */
  async list(actor: Actor): Promise<{ id: string; scope: FeedScope; createdAt: string; revokedAt: string | null }[]> {
    const { rows } = await this.db.pool.query<{ id: string; scope: FeedScope; created_at: Date; revoked_at: Date | null }>(
      'SELECT id, scope, created_at, revoked_at FROM deadline_feed_tokens WHERE tenant = $1 AND owner_id = $2 ORDER BY created_at DESC, id',
      [actor.tenant, actor.id],
    );
    return rows.map((row) => ({ id: row.id, scope: row.scope, createdAt: row.created_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null }));
  }

  /** Its owner, or an admin of the tenant, revokes a token; anyone else finds no such token. */
  async revoke(actor: Actor, id: string): Promise<{ id: string; revokedAt: string }> {
    const { rows } = await this.db.pool.query<{ revoked_at: Date }>(
      `UPDATE deadline_feed_tokens SET revoked_at = COALESCE(revoked_at, $4)
       WHERE id::text = $1 AND tenant = $2 AND (owner_id = $3 OR $5) RETURNING revoked_at`,
      [id.toLowerCase(), actor.tenant, actor.id, this.clock.now(), actor.roles.includes('admin')],
    );
    if (rows.length === 0) throw new FeedTokenError('FEED_TOKEN_NOT_FOUND', `No feed token ${id}.`);
    return { id: id.toLowerCase(), revokedAt: rows[0].revoked_at.toISOString() };
  }

  /** What a token grants; 401 for a token never issued, 403 for a revoked one. */
  async resolve(token: string | undefined): Promise<FeedGrant> {
    if (!token) throw new FeedTokenError('FEED_TOKEN_INVALID', 'Add the feed token: /deadlines.ics?token=….');
    const { rows } = await this.db.pool.query<{ tenant: string; scope: FeedScope; owner_id: string; revoked_at: Date | null }>(
      'SELECT tenant, scope, owner_id, revoked_at FROM deadline_feed_tokens WHERE token_hash = $1',
      [hashOf(token)],
    );
    const [row] = rows;
    if (!row) throw new FeedTokenError('FEED_TOKEN_INVALID', 'This feed token is not valid.');
    if (row.revoked_at) throw new FeedTokenError('FEED_TOKEN_REVOKED', 'This feed token has been revoked; create a new one.');
    return { tenant: row.tenant, scope: row.scope, ownerId: row.owner_id };
  }
}
