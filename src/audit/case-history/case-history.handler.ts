import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertVisible } from '../../cases/shared/case-access';
import { CaseRepository } from '../../cases/shared/case-repository';
import type { RecordedCaseEvent } from '../../cases/shared/case-stream';
import { caseState } from '../../cases/shared/case-view';
import { applyRecorded, initialSnapshot, machineFor, type CaseSnapshot } from '../../lifecycle';
import type { CaseHistoryDto, HistoryEntryDto } from './case-history.dto';
import { CaseHistoryQuery } from './case-history.query';

/** Every event of a case in order: who did what, under which command, and the state before and after. */
@QueryHandler(CaseHistoryQuery)
export class CaseHistoryHandler implements IQueryHandler<CaseHistoryQuery> {
  constructor(private readonly cases: CaseRepository) {}

  async execute({ actor, caseId }: CaseHistoryQuery): Promise<CaseHistoryDto> {
    const loaded = await this.cases.load(actor.tenant, caseId, { open: true });
    assertVisible(actor, loaded);
    return historyOf(caseId, loaded.events).history;
  }
}

/** A case's history from its events (personal data opened as readers see it), in one fold; and the case after the last event. */
export function historyOf(caseId: string, events: readonly RecordedCaseEvent[]): { history: CaseHistoryDto; snapshot: CaseSnapshot | undefined } {
  let state: CaseSnapshot | undefined;
  const entries = events.map((recorded): HistoryEntryDto => {
    const { metadata } = recorded;
    const before = state ?? initialSnapshot(machineFor(metadata.machineId, metadata.machineVersion));
    state = applyRecorded(state, recorded);
    return {
      revision: recorded.revision.toString(),
      recordedAt: metadata.recordedAt,
      type: recorded.type,
      actor: { id: metadata.actorId, name: metadata.actorName, role: metadata.actorRole },
      commandId: metadata.commandId,
      correlationId: metadata.correlationId,
      stateBefore: caseState(before),
      stateAfter: caseState(state),
      payload: recorded.data,
      machine: { id: metadata.machineId, version: metadata.machineVersion },
      hash: recorded.hash,
    };
  });
  return { history: { caseId, diarienummer: state?.context.diarienummer ?? null, events: entries }, snapshot: state };
}
