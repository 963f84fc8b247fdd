import { Injectable } from '@nestjs/common';
import type { LoadedCase } from '../../cases/shared/case-repository';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/transaction';
import { organisationNumberOf } from '../../projections/organisation-number';
import { labelOf, type TrackedDeadline } from '../deadline-status';

const COLUMNS = [
  'tenant',
  'case_id',
  'key',
  'kind',
  'due_on',
  'rule',
  'label',
  'explanation_sv',
  'explanation_en',
  'met',
  'diarienummer',
  'organisation_name',
  'organisation_number',
  'officer_id',
] as const;

/**
 * `case_deadlines` (GET /deadlines, the iCalendar feed): a case's rows are replaced with the
 * deadlines it has now, open or met, under a head row (`case_deadline_heads`) whose conditional
 * upsert, locked in the same transaction, makes the newest revision win when two instances write
 * the same case.
 */
@Injectable()
export class CaseDeadlineTable {
  constructor(private readonly db: Database) {}

  /** Writes the case's rows unless they already show its revision or a later one. */
  replace(loaded: LoadedCase, deadlines: readonly TrackedDeadline[]): Promise<void> {
    const facts = loaded.snapshot.context;
    const rows = deadlines.map((d) => [
      loaded.tenant,
      loaded.id,
      d.key,
      d.kind,
      d.date,
      d.rule,
      labelOf(d),
      d.explanation.sv,
      d.explanation.en,
      d.met,
      facts.diarienummer,
      facts.organisation?.name ?? null,
      organisationNumberOf(facts),
      facts.officer?.id ?? null,
    ]);
    return inTransaction(this.db.pool, async (client) => {
      const head = await client.query(
        `INSERT INTO case_deadline_heads (tenant, case_id, revision) VALUES ($1, $2, $3)
         ON CONFLICT (tenant, case_id) DO UPDATE SET revision = EXCLUDED.revision WHERE case_deadline_heads.revision < EXCLUDED.revision
         RETURNING revision`,
        [loaded.tenant, loaded.id, loaded.revision.toString()],
      );
      if (head.rowCount === 1) {
        await client.query('DELETE FROM case_deadlines WHERE tenant = $1 AND case_id = $2', [loaded.tenant, loaded.id]);
        if (rows.length > 0) await client.query(insertSql(rows.length), rows.flat());
      }
    });
  }

  /** The case revision the case's rows show; -1n when none. */
  async shownRevision(tenant: string, caseId: string): Promise<bigint> {
    const { rows } = await this.db.pool.query<{ revision: string }>('SELECT revision FROM case_deadline_heads WHERE tenant = $1 AND case_id = $2', [
      tenant,
      caseId,
    ]);
    return rows[0] ? BigInt(rows[0].revision) : -1n;
  }
}

function insertSql(count: number): string {
  const tuples = Array.from({ length: count }, (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`);
  return `INSERT INTO case_deadlines (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
}
