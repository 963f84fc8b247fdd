import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseRepository } from '../cases/shared/case-repository';
import { caseIdOfStream } from '../cases/shared/case-stream';
import { Database } from '../database/database';
import { DeadlineCatalogue } from '../deadlines/deadline-catalogue';
import { labelOf } from '../deadlines/deadline-status';
import type { RecordedEvent } from '../event-store/event-store.port';
import { normaliseOrganisationNumber } from '../lifecycle';
import { Subscriptions } from './subscriptions';
import { inTransaction } from '../database/transaction';

const COLUMNS = [
  'tenant', 'case_id', 'key', 'kind', 'due_on', 'rule', 'label', 'explanation_sv', 'explanation_en', 'met',
  'diarienummer', 'organisation_name', 'organisation_number', 'officer_id',
] as const;

/**
 * Keeps `case_deadlines` (GET /deadlines, the iCalendar feed) in step with the case streams: an
 * event replaces its case's rows with the deadlines the case has now, open or met. As for the
 * case list, a case already shown at that revision or later is skipped, and the head row (locked
 * by its upsert) makes a newer revision win when two instances project the same case.
 */
@Injectable()
export class CaseDeadlinesProjection implements OnModuleInit {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly cases: CaseRepository,
    private readonly catalogue: DeadlineCatalogue,
    private readonly db: Database,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.subscriptions.register('case-deadlines', (event) => this.project(event));
  }

  private async project(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    if (!caseId || (await this.shows(event.stream.tenant, caseId, event.revision))) return;
    const loaded = await this.cases.load(event.stream.tenant, caseId);
    const facts = loaded.snapshot.context;
    const organisationNumber = facts.organisation && (normaliseOrganisationNumber(facts.organisation.organisationNumber) ?? facts.organisation.organisationNumber);
    const rows = this.catalogue.of(loaded.events).map((d) => [
      loaded.tenant, loaded.id, d.key, d.kind, d.date, d.rule, labelOf(d), d.explanation.sv, d.explanation.en, d.met,
      facts.diarienummer, facts.organisation?.name ?? null, organisationNumber, facts.officer?.id ?? null,
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

  private async shows(tenant: string, caseId: string, revision: bigint): Promise<boolean> {
    const { rows } = await this.db.pool.query('SELECT 1 FROM case_deadline_heads WHERE tenant = $1 AND case_id = $2 AND revision >= $3', [tenant, caseId, revision.toString()]);
    return rows.length > 0;
  }
}

function insertSql(count: number): string {
  const tuples = Array.from({ length: count }, (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`);
  return `INSERT INTO case_deadlines (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
}
