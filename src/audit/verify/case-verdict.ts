import canonicalize from 'canonicalize';
import { restoreSnapshot, type CaseSnapshotRecord } from '../../cases/shared/case-snapshots';
import { asCaseEvents, type RecordedCaseEvent } from '../../cases/shared/case-stream';
import type { StreamRecord } from '../../event-store/event-store.port';
import { ChainCheck } from '../../event-store/hash-chain';
import { applyRecorded, LifecycleError, stateOf, type CaseSnapshot } from '../../lifecycle';

export interface CaseVerdict {
  readonly tenant: string;
  readonly caseId: string;
  readonly intact: boolean;
  readonly events: number;
  /** The first bad event and what is wrong with it. */
  readonly problem?: { readonly revision: string; readonly what: string };
}

/** The verdict on a case stream as one reader saw it (events as stored, and the head), and on its stored snapshots. */
export function verdictOf(record: StreamRecord, caseId: string, snapshots: readonly CaseSnapshotRecord[] = []): CaseVerdict {
  const { diarienummer: _, ...verdict } = caseVerdictOf(record, caseId, snapshots);
  return verdict;
}

/** A case stream's verdict, with the diarienummer its fold names (null: none yet, or the fold broke off before). */
export function caseVerdictOf(
  { stream, events, head }: StreamRecord,
  caseId: string,
  snapshots: readonly CaseSnapshotRecord[] = [],
): CaseVerdict & { readonly diarienummer: string | null } {
  const { problem, state } = firstProblem(asCaseEvents(events), head, snapshots);
  return {
    tenant: stream.tenant,
    caseId,
    intact: !problem,
    events: events.length,
    ...(problem && { problem }),
    diarienummer: state?.context.diarienummer ?? null,
  };
}

/** Hash chain, machine and stored snapshots in one pass, event by event, then the head. */
function firstProblem(
  events: readonly RecordedCaseEvent[],
  head: StreamRecord['head'],
  snapshots: readonly CaseSnapshotRecord[],
): { problem?: CaseVerdict['problem']; state?: CaseSnapshot } {
  const chain = new ChainCheck();
  const snapshotAt = new Map(snapshots.map((snapshot) => [snapshot.revision, snapshot]));
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
    const snapshot = snapshotAt.get(recorded.revision);
    const wrong = snapshot && snapshotProblem(snapshot, recorded, state!);
    if (wrong) return { state, problem: { revision: recorded.revision.toString(), what: wrong } };
  }
  const beyond = snapshots.find((snapshot) => snapshot.revision >= BigInt(events.length));
  if (beyond)
    return { state, problem: { revision: beyond.revision.toString(), what: `a stored snapshot at revision ${beyond.revision}, past the stream's end` } };
  const end = chain.end(head);
  return end.intact ? { state } : { state, problem: { revision: end.revision.toString(), what: end.problem } };
}

/**
 * A stored snapshot against the full fold at its revision: bound to that event (hash, time), under
 * the machine the fold is under, and the very state. One this build would not use (another
 * machine definition or event schemas: another fold key) is checked for its binding only.
 */
function snapshotProblem(snapshot: CaseSnapshotRecord, recorded: RecordedCaseEvent, folded: CaseSnapshot): string | undefined {
  const at = `the stored snapshot at revision ${snapshot.revision} (${snapshot.machine.id} v${snapshot.machine.version})`;
  if (snapshot.hash !== recorded.hash || snapshot.recordedAt !== recorded.metadata.recordedAt) return `${at} was not made from this event`;
  const { machineId, machineVersion } = recorded.metadata;
  if (snapshot.machine.id !== machineId || snapshot.machine.version !== machineVersion)
    return `${at} names another machine than the event (${machineId} v${machineVersion})`;
  if (restoreSnapshot(snapshot) === undefined) return undefined;
  return sameJson(snapshot.state, stateOf(folded)) ? undefined : `${at} does not match the fold of the events up to it`;
}

/** Equal as JSON, whatever the order of keys (jsonb keeps its own). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonicalize(JSON.parse(JSON.stringify(a))) === canonicalize(JSON.parse(JSON.stringify(b)));
}

/** A case stream as read, with its stored snapshots: what a verifier thread is sent. */
export interface CaseToVerify {
  readonly record: StreamRecord;
  readonly caseId: string;
  readonly snapshots: readonly CaseSnapshotRecord[];
}

export type CaseVerdictWithNumber = ReturnType<typeof caseVerdictOf>;

export function caseVerdictsOf(cases: readonly CaseToVerify[]): CaseVerdictWithNumber[] {
  return cases.map(({ record, caseId, snapshots }) => caseVerdictOf(record, caseId, snapshots));
}
