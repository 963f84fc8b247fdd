import type { RecordedEvent } from '../../event-store/event-store.port';
import type { StreamProblem } from './stream-kinds';

/** The diarienummer a case names: `undefined` when there is no such case, `null` when it names none. */
export type NumberOfCase = (caseId: string) => string | null | undefined;

interface Allocation {
  readonly revision: bigint;
  readonly type: string;
  readonly number: unknown;
  readonly diarienummer: string;
  readonly caseId: string;
}

const allocationOf = ({ revision, type, data }: RecordedEvent): Allocation => ({
  revision,
  type,
  number: data.number,
  diarienummer: String(data.diarienummer),
  caseId: String(data.caseId),
});

/**
 * What a diarium series means, checked: number n at revision n − 1 (no gaps, none twice), each
 * number given once, each case once, and each to a case that exists and names that number. The
 * first bad revision is reported, naming every case the finding concerns.
 */
export function diariumProblem(events: readonly RecordedEvent[], numberOf: NumberOfCase): StreamProblem | undefined {
  const allocations = events.map(allocationOf);
  const holders = new Map<string, Allocation[]>();
  for (const a of allocations) holders.set(a.diarienummer, [...(holders.get(a.diarienummer) ?? []), a]);
  const seenCases = new Map<string, Allocation>();
  for (const a of allocations) {
    const problem = allocationProblem(a, holders.get(a.diarienummer)!, seenCases.get(a.caseId), numberOf, holders);
    if (problem) return { revision: a.revision.toString(), ...problem };
    seenCases.set(a.caseId, a);
  }
  return undefined;
}

function allocationProblem(
  a: Allocation,
  sameNumber: readonly Allocation[],
  earlier: Allocation | undefined,
  numberOf: NumberOfCase,
  holders: ReadonlyMap<string, Allocation[]>,
): Omit<StreamProblem, 'revision'> | undefined {
  if (a.type !== 'DiarienummerAllocated') return { what: `${a.type} does not belong in a diarium series` };
  const others = sameNumber.filter((b) => b.caseId !== a.caseId);
  if (others.length > 0) {
    const cases = [a.caseId, ...others.map((b) => b.caseId)];
    return {
      what: `${a.diarienummer} is given to more than one case: ${sameNumber.map((b) => `case ${b.caseId} at revision ${b.revision}`).join(' and ')}`,
      cases,
    };
  }
  if (a.number !== Number(a.revision) + 1)
    return {
      what: `revision ${a.revision} gives number ${String(a.number)}, not ${a.revision + 1n}: the series must run 1, 2, 3… without gaps`,
      cases: [a.caseId],
    };
  if (earlier)
    return { what: `case ${a.caseId} is given a second number in this series (${earlier.diarienummer} at revision ${earlier.revision})`, cases: [a.caseId] };
  const named = numberOf(a.caseId);
  if (named === undefined) return { what: `${a.diarienummer} is given to case ${a.caseId}, which does not exist`, cases: [a.caseId] };
  if (named !== a.diarienummer) {
    const holder = named === null ? undefined : holders.get(named)?.find((b) => b.caseId !== a.caseId);
    const owner = holder ? `, which is given to case ${holder.caseId}` : '';
    return {
      what: `${a.diarienummer} is given to case ${a.caseId}, but the case names ${named ?? 'no diarienummer'}${owner}`,
      cases: [a.caseId, ...(holder ? [holder.caseId] : [])],
    };
  }
  return undefined;
}
