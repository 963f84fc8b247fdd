import type { Actor } from '../../auth/actor';
import { commandRoles, normaliseOrganisationNumber, partyRoles, type CaseFacts, type CommandType, type Role } from '../../lifecycle';
import { AccessDenied, forbiddenRole } from '../../auth/access-denied';
import { caseNotFound } from './case-error';
import type { LoadedCase } from './case-repository';

/**
 * Organisation representatives see their own organisation's cases only; everyone else in the
 * tenant sees all of the tenant's cases (tenants are apart already: streams are per tenant).
 */
export function canSee(actor: Actor, facts: CaseFacts): boolean {
  if (actor.roles.some((role) => role !== 'organisation')) return true;
  return sameOrganisation(actor, facts.organisation?.organisationNumber);
}

/** A case the actor may not see does not exist for them: 404, not 403, so its existence does not leak. */
export function assertVisible(actor: Actor, loaded: LoadedCase): void {
  if (loaded.revision >= 0n && !canSee(actor, loaded.snapshot.context)) throw caseNotFound(loaded.id);
}

/** The roles the actor holds that may give this command: none means 403. */
export function permittedRoles(actor: Actor, type: CommandType): Role[] {
  return commandRoles[type].filter((role) => actor.roles.includes(role));
}

/** Throws unless the actor may give this command with this payload on a case it can see. */
export function assertMayGive(actor: Actor, type: CommandType, payload: object): void {
  const roles = permittedRoles(actor, type);
  if (roles.length === 0) {
    throw forbiddenRole(`'${type}' needs one of the roles ${commandRoles[type].join(', ')}.`, commandRoles[type]);
  }
  // Signing and giving notice are done for a party: the signatory acts for the municipality, the representative for the organisation.
  const party = (payload as { party?: keyof typeof partyRoles }).party;
  if (party && !roles.includes(partyRoles[party])) {
    throw forbiddenRole(`Acting for the ${party} needs the role ${partyRoles[party]}.`, [partyRoles[party]]);
  }
  const organisation = (payload as { organisation?: { organisationNumber?: string } }).organisation;
  if (type === 'submit-application' && !actor.roles.includes('registrator') && !sameOrganisation(actor, organisation?.organisationNumber)) {
    throw new AccessDenied('FORBIDDEN_ORGANISATION', 'An organisation applies for itself only.');
  }
}

function sameOrganisation(actor: Actor, organisationNumber: string | undefined): boolean {
  const own = actor.organisationNumber && normaliseOrganisationNumber(actor.organisationNumber);
  return !!own && own === (organisationNumber && normaliseOrganisationNumber(organisationNumber));
}
