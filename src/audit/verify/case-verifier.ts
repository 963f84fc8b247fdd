import { Injectable } from '@nestjs/common';
import { asCaseEvents, caseStream, type RecordedCaseEvent } from '../../cases/shared/case-stream';
import type { StreamRecord } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import { ChainCheck } from '../../event-store/hash-chain';
import { applyRecorded, LifecycleError, type CaseSnapshot } from '../../lifecycle';

export interface CaseVerdict {
  readonly tenant: string;
  readonly caseId: string;
  readonly intact: boolean;
  readonly events: number;
  /** The first bad event and what is wrong with it. */
  readonly problem?: { readonly revision: string; readonly what: string };
}

/**
 * Replay verification of a case: recomputes its stream's hash chain against its recorded head, and
 * re-folds it, each event through the machine version recorded on it, so that a transition that
 * was not legal under that version is found as surely as a changed byte. The first problem in
 * stream order is the one reported.
 */
@Injectable()
export class CaseVerifier {
  constructor(private readonly store: EventStore) {}

  async verifyCase(tenant: string, caseId: string): Promise<CaseVerdict> {
    const [record] = await this.store.readStreams([caseStream(tenant, caseId)]);
    return verdictOf(record, caseId);
  }
}

/** The verdict on a case stream as one reader saw it (events as stored, and the head). */
export function verdictOf(record: StreamRecord, caseId: string): CaseVerdict {
  const { diarienummer: _, ...verdict } = caseVerdictOf(record, caseId);
  return verdict;
}

/** A case stream's verdict, with the diarienummer its fold names (null: none yet, or the fold broke off before). */
export function caseVerdictOf({ stream, events, head }: StreamRecord, caseId: string): CaseVerdict & { readonly diarienummer: string | null } {
  const { problem, state } = firstProblem(asCaseEvents(events), head);
  return {
    tenant: stream.tenant,
    caseId,
    intact: !problem,
    events: events.length,
    ...(problem && { problem }),
    diarienummer: state?.context.diarienummer ?? null,
  };
}

/** Hash chain and machine in one pass, event by event, then the head. */
function firstProblem(events: readonly RecordedCaseEvent[], head: StreamRecord['head']): { problem?: CaseVerdict['problem']; state?: CaseSnapshot } {
  const chain = new ChainCheck();
  let state: CaseSnapshot | undefined;
  for (const recorded of events) {
    const broken = chain.next(recorded);
    if (broken) return { state, problem: { revision: broken.revision.toString(), what: broken.problem } };
    const { machineId, machineVersion } = recorded.metadata;
    try {
      state = applyRecorded(state, recorded);
    } catch (error) {
      if (!(error instanceof LifecycleError)) throw error;
      return {
        state,
        problem: { revision: recorded.revision.toString(), what: `not a legal transition under ${machineId} v${machineVersion}: ${error.message}` },
      };
    }
  }
  const end = chain.end(head);
  return end.intact ? { state } : { state, problem: { revision: end.revision.toString(), what: end.problem } };
}
