import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseRepository } from '../shared/case-repository';
import { caseIdOfStream } from '../shared/case-stream';
import { caseState } from '../shared/case-view';
import { Database } from '../../database/database';
import { allowedCommands } from '../../lifecycle';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { organisationNumberOf } from '../../projections/organisation-number';
import { Subscriptions } from '../../projections/subscriptions';

/**
 * Keeps `case_summaries`, the case list, in step with the case streams. An event refreshes its
 * case's row from the case as it is now — unless the row already shows that revision or a later
 * one, which makes catching up cost one fold per case, not one per event. A row never goes back
 * to an older revision, so events delivered again after a crash change nothing.
 */
@Injectable()
export class CaseSummariesProjection implements OnModuleInit {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly cases: CaseRepository,
    private readonly db: Database,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.subscriptions.register('case-summaries', (event) => this.project(event));
  }

  private async project(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    if (!caseId || (await this.shows(event.stream.tenant, caseId, event.revision))) return;
    // The list shows no personal data, so it never opens any: none can land in the read model.
    const loaded = await this.cases.current(event.stream.tenant, caseId);
    const facts = loaded.snapshot.context;
    const state = caseState(loaded.snapshot);
    await this.db.pool.query(
      `INSERT INTO case_summaries (tenant, case_id, revision, diarienummer, state_paths, state_label_sv, state_label_en, closed,
         organisation_name, organisation_number, body_code, officer_id, officer_name, received_on, updated_at, commands)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (tenant, case_id) DO UPDATE SET
         revision = EXCLUDED.revision, diarienummer = EXCLUDED.diarienummer, state_paths = EXCLUDED.state_paths,
         state_label_sv = EXCLUDED.state_label_sv, state_label_en = EXCLUDED.state_label_en, closed = EXCLUDED.closed,
         organisation_name = EXCLUDED.organisation_name, organisation_number = EXCLUDED.organisation_number,
         body_code = EXCLUDED.body_code, officer_id = EXCLUDED.officer_id, officer_name = EXCLUDED.officer_name,
         received_on = EXCLUDED.received_on, updated_at = EXCLUDED.updated_at, commands = EXCLUDED.commands
       WHERE case_summaries.revision < EXCLUDED.revision`,
      [
        loaded.tenant,
        loaded.id,
        loaded.revision.toString(),
        facts.diarienummer,
        state.paths,
        state.label.sv,
        state.label.en,
        state.closed,
        facts.organisation?.name ?? null,
        organisationNumberOf(facts),
        (facts.meeting ?? facts.decisions.at(-1))?.body.code ?? null,
        facts.officer?.id ?? null,
        facts.officer?.name ?? null,
        facts.receivedOn,
        loaded.recordedAt,
        // What the state accepts, whoever asks: the worklist narrows it to the caller's roles.
        allowedCommands(loaded.snapshot),
      ],
    );
  }

  private async shows(tenant: string, caseId: string, revision: bigint): Promise<boolean> {
    const { rows } = await this.db.pool.query('SELECT 1 FROM case_summaries WHERE tenant = $1 AND case_id = $2 AND revision >= $3', [
      tenant,
      caseId,
      revision.toString(),
    ]);
    return rows.length > 0;
  }
}
