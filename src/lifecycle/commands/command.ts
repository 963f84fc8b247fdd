import type { CaseEventType, EventData } from '../case.events';
import type { CaseFacts } from '../case.facts';
import type { IssuedDocument, PartyRole } from '../case.values';
import type { Rule } from './rules';

export const ROLES = ['organisation', 'registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory', 'auditor', 'archivist', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** For commands that name a party: the role that may act for it. */
export const partyRoles = { municipality: 'signatory', organisation: 'organisation' } as const satisfies Record<PartyRole, Role>;

/** Who gives a command, as far as the lifecycle cares: their roles and, for organisation representatives, their organisation. */
export interface Issuer {
  readonly roles: readonly Role[];
  readonly organisationNumber?: string;
}

/** Why an issuer may not give a command; the API answers it with 403. */
export interface Refusal {
  readonly code: 'FORBIDDEN_ROLE' | 'FORBIDDEN_ORGANISATION';
  readonly message: string;
  /** The roles that may. */
  readonly required?: readonly Role[];
}

/** What most commands carry: the event's data without its time. */
export type Recorded<T extends CaseEventType> = Omit<EventData<T>, 'at'>;
/**
 * What a command that issues a document carries: its body, and the document the engine made of
 * the case with it (src/documents computes the hash; the lifecycle records it). Absent where no
 * engine made one (a case folded in a test): recorded as null.
 */
export type IssuingPayload<T extends CaseEventType> = Omit<Recorded<T>, 'document'> & { document?: IssuedDocument | null };

/** The data of an issuing command's event: its payload with `document` always present. */
export function issuing<P extends { document?: IssuedDocument | null }>({
  document,
  ...payload
}: P): Omit<P, 'document'> & { document: IssuedDocument | null } {
  return { ...payload, document: document ?? null };
}

/** Commands the deadline engine fires: everything they record follows from the case. */
export type NoPayload = Record<never, never>;

/**
 * A command of the lifecycle: the event it records, who may give it, the rules that event must
 * keep, and how its data is made from the payload. Each command has a file of its own
 * (`src/lifecycle/commands/<type>.ts`); the machine decides in which states it is possible.
 */
export interface CommandDefinition<E extends CaseEventType, P extends object> {
  readonly event: E;
  /** The roles that may give it (domain.md's role table). */
  readonly roles: readonly Role[];
  /** Beyond the role, who may give it with this payload: `roles` are the issuer's roles among {@link roles}. */
  mayIssue?(issuer: Issuer, roles: readonly Role[], payload: P): Refusal | undefined;
  readonly rules: readonly Rule<E>[];
  /** The event's data; without it, the payload as it is. Computed facts are computed here, once: replay never recomputes them. */
  record?(payload: P, facts: CaseFacts): Recorded<E>;
}
