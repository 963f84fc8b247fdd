import type { StoreTransaction, StreamName } from '../../event-store/event-store.port';
import { asCaseEvents, caseIdOfStream, type RecordedCaseEvent } from './case-stream';

export interface StoredCase {
  readonly stream: StreamName;
  readonly caseId: string;
  /** As stored: personal data sealed. */
  readonly events: readonly RecordedCaseEvent[];
}

/**
 * Every case stream of a tenant (of all tenants when absent), as `snapshot` sees them, read a page
 * of streams at a time so that memory holds one page, not the whole store: for readers that need
 * every case in one consistent picture (a migration preview, the budget).
 */
export async function* everyCase(snapshot: StoreTransaction, tenant?: string): AsyncGenerator<StoredCase> {
  const list = (after?: StreamName) => snapshot.listStreams({ prefix: 'case-', ...(tenant !== undefined && { tenant }), ...(after && { after }) });
  for (let page = await list(); page.length > 0; page = await list(page.at(-1))) {
    for (const { stream, events } of await snapshot.readStreams(page.filter((stream) => caseIdOfStream(stream)))) {
      yield { stream, caseId: caseIdOfStream(stream)!, events: asCaseEvents(events) };
    }
  }
}
