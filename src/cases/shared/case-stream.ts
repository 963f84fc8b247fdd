import type { StreamName } from '../../event-store/event-store.port';

/** One stream per case, addressed within the caller's tenant: another tenant's case id finds nothing. */
export function caseStream(tenant: string, caseId: string): StreamName {
  return { tenant, id: `case-${caseId}` };
}
