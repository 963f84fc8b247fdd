import type { EventStore } from '../../event-store/event-store.port';
import { previewCase, type CaseMachine, type CasePreview } from '../../lifecycle';
import { foldRecorded } from '../shared/case-repository';
import { everyCase } from '../shared/every-case';

export interface CasePreviewRow {
  readonly tenant: string;
  readonly caseId: string;
  readonly diarienummer: string | null;
  readonly preview: CasePreview;
}

export interface MigrationPreview {
  readonly cases: CasePreviewRow[];
  /** Closed cases: they never move to another machine, so they are counted, not previewed. */
  readonly closed: number;
}

/**
 * What would become of every live case (of one tenant, or all) under a candidate machine, read in
 * one consistent read-only snapshot: the same answer for `npm run lifecycle:preview-migration` and
 * the admins' screen. Nothing is written.
 */
export async function previewAll(store: EventStore, candidate: CaseMachine, tenant?: string): Promise<MigrationPreview> {
  return store.withTransaction(
    async (snapshot) => {
      const cases: CasePreviewRow[] = [];
      let closed = 0;
      for await (const { stream, caseId, events } of everyCase(snapshot, tenant)) {
        const current = foldRecorded(events).snapshot;
        if (events.length === 0 || current.status === 'done') {
          closed++;
          continue;
        }
        cases.push({ tenant: stream.tenant, caseId, diarienummer: current.context.diarienummer, preview: previewCase(events, current, candidate) });
      }
      return { cases, closed };
    },
    { readOnly: true },
  );
}

/** How many cases each outcome has. */
export function countOutcomes(cases: readonly CasePreviewRow[]): Record<CasePreview['outcome'], number> {
  const counts = { same: 0, diverges: 0, stuck: 0, refused: 0 };
  for (const c of cases) counts[c.preview.outcome]++;
  return counts;
}
