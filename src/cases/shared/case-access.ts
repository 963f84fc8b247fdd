import { AccessDenied } from '../../auth/access-denied';
import type { Actor } from '../../auth/actor';
import {
  actingRole,
  issuingRoles,
  refusalOf,
  roleRefusal,
  sameOrganisation,
  type CaseFacts,
  type CommandPayloads,
  type CommandType,
  type Refusal,
  type Role,
} from '../../lifecycle';
import { caseNotFound } from './case-error';
import type { CaseAt } from './case-repository';

/**
 * Organisation representatives see their own organisation's cases only; everyone else in the
 * tenant sees all of the tenant's cases (tenants are apart already: streams are per tenant).
 */
export function canSee(actor: Actor, facts: CaseFacts): boolean {
  if (actor.roles.some((role) => role !== 'organisation')) return true;
  return sameOrganisation(actor.organisationNumber, facts.organisation?.organisationNumber);
}

/** A case the actor may not see does not exist for them: 404, not 403, so its existence does not leak. */
export function assertVisible(actor: Actor, loaded: CaseAt): void {
  if (loaded.revision >= 0n && !canSee(actor, loaded.snapshot.context)) throw caseNotFound(loaded.id);
}

/** The role the actor gives this command in (recorded in its events); 403 when none of theirs may. */
export function assertRole(actor: Actor, type: CommandType): Role {
  const refusal = roleRefusal(type, actor);
  if (refusal) throw denied(refusal);
  return issuingRoles(type, actor)[0];
}

/**
 * 403 unless the actor may give this command with this payload (the party it acts for, its own
 * organisation, a receipt): src/lifecycle/commands. Returns the role they give it in, recorded in its events.
 */
export function assertMayIssue<K extends CommandType>(actor: Actor, type: K, payload: CommandPayloads[K]): Role {
  const refusal = refusalOf(type, actor, payload);
  if (refusal) throw denied(refusal);
  return actingRole(type, actor, payload)!;
}

function denied({ code, message, required }: Refusal): AccessDenied {
  return new AccessDenied(code, message, required && { required });
}
