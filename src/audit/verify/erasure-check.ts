import type { RecordedEvent } from '../../event-store/event-store.port';
import type { StreamProblem } from './stream-kinds';

/** What the erasure record means, checked: only erasures, each subject erased once, at a real instant. */
export function erasureProblem(events: readonly RecordedEvent[]): StreamProblem | undefined {
  const erased = new Map<string, bigint>();
  for (const { revision, type, data } of events) {
    const subject = String(data.subjectId);
    const at = (what: string): StreamProblem => ({ revision: revision.toString(), what });
    if (type !== 'DataSubjectErased') return at(`${type} does not belong in the erasure record`);
    if (erased.has(subject)) return at(`data subject ${subject} is erased a second time (first at revision ${erased.get(subject)})`);
    if (typeof data.erasedAt !== 'string' || Number.isNaN(Date.parse(data.erasedAt))) return at(`erasedAt ${JSON.stringify(data.erasedAt)} is not an instant`);
    erased.set(subject, revision);
  }
  return undefined;
}
