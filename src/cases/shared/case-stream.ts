import type { EventMetadata, JsonObject, RecordedEvent, StreamName } from '../../event-store/event-store.port';

/** One stream per case, addressed within the caller's tenant: another tenant's case id finds nothing. */
export function caseStream(tenant: string, caseId: string): StreamName {
  return { tenant, id: `case-${caseId}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Case ids are UUIDs; anything else names no case. */
export function isCaseId(id: string): boolean {
  return UUID.test(id);
}

/** The case id of a case stream; undefined for any other stream (diarium series, …). */
export function caseIdOfStream(stream: StreamName): string | undefined {
  const id = stream.id.slice('case-'.length);
  return stream.id.startsWith('case-') && isCaseId(id) ? id : undefined;
}

/** What the case repository records on each case event beside the store's own metadata: the machine it was decided under. */
export interface CaseEventMetadata extends EventMetadata {
  readonly machineId: string;
  readonly machineVersion: number;
}

export type RecordedCaseEvent = RecordedEvent<string, JsonObject, CaseEventMetadata>;

/** The events of a case stream, read as the case repository wrote them: each names its machine (replay refuses one that does not). */
export function asCaseEvents(events: readonly RecordedEvent[]): readonly RecordedCaseEvent[] {
  return events as readonly RecordedCaseEvent[];
}
