import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database } from '../database/database';
import { sqlOf } from '../database/transaction';
import type { StoreTransaction } from '../event-store/event-store.port';
import { Clock } from '../shared/clock';
import { MasterKey, newDataKey } from './field-cipher';

/** A subject's key as stored: wrapped under the master key, or null once erased. */
export interface StoredSubject {
  readonly subjectId: string;
  readonly wrappedKey: Buffer | null;
  readonly erasedAt: Date | null;
}

/** The `data_subjects` table: one key per person whose data the events hold. */
@Injectable()
export class DataSubjects {
  constructor(
    private readonly db: Database,
    private readonly master: MasterKey,
    private readonly clock: Clock,
  ) {}

  /** The live subject with this email, or a new one (with a new key). */
  async subjectFor(tenant: string, email: string): Promise<string> {
    const lookup = this.master.emailLookup(tenant, email);
    const existing = await this.liveByLookup(tenant, lookup);
    if (existing) return existing;
    const subjectId = randomUUID();
    const { rows } = await this.db.pool.query<{ subject_id: string }>(
      `INSERT INTO data_subjects (tenant, subject_id, email_lookup, wrapped_key, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant, email_lookup) WHERE erased_at IS NULL DO NOTHING RETURNING subject_id`,
      [tenant, subjectId, lookup, this.master.wrap(newDataKey(), tenant, subjectId), this.clock.now()],
    );
    // Nothing inserted: a registration with the same email created the subject meanwhile.
    return rows[0]?.subject_id ?? (await this.liveByLookup(tenant, lookup))!;
  }

  /** The live subject with this email, if any. */
  liveByEmail(tenant: string, email: string): Promise<string | undefined> {
    return this.liveByLookup(tenant, this.master.emailLookup(tenant, email));
  }

  /** The subjects' keys as stored; `through` a transaction, as it sees them. */
  async find(tenant: string, subjectIds: readonly string[], through?: StoreTransaction): Promise<Map<string, StoredSubject>> {
    if (subjectIds.length === 0) return new Map();
    const { rows } = await (through ? sqlOf(through).client : this.db.pool).query<{ subject_id: string; wrapped_key: Buffer | null; erased_at: Date | null }>(
      'SELECT subject_id, wrapped_key, erased_at FROM data_subjects WHERE tenant = $1 AND subject_id = ANY($2::uuid[])',
      [tenant, [...new Set(subjectIds)]],
    );
    return new Map(rows.map((r) => [r.subject_id, { subjectId: r.subject_id, wrappedKey: r.wrapped_key, erasedAt: r.erased_at }]));
  }

  /** The subject's data key, unwrapped. */
  unwrap(tenant: string, subject: StoredSubject & { wrappedKey: Buffer }): Buffer {
    return this.master.unwrap(subject.wrappedKey, tenant, subject.subjectId);
  }

  /** Deletes the subject's key and email lookup; false when it was erased already (or never existed). */
  async erase(tenant: string, subjectId: string, erasedAt: Date): Promise<boolean> {
    const { rowCount } = await this.db.pool.query(
      'UPDATE data_subjects SET wrapped_key = NULL, email_lookup = NULL, erased_at = $3 WHERE tenant = $1 AND subject_id = $2 AND erased_at IS NULL',
      [tenant, subjectId, erasedAt],
    );
    return rowCount === 1;
  }

  private async liveByLookup(tenant: string, lookup: Buffer): Promise<string | undefined> {
    const { rows } = await this.db.pool.query<{ subject_id: string }>(
      'SELECT subject_id FROM data_subjects WHERE tenant = $1 AND email_lookup = $2 AND erased_at IS NULL',
      [tenant, lookup],
    );
    return rows[0]?.subject_id;
  }
}
