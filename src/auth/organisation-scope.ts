import { normaliseOrganisationNumber } from '../lifecycle';
import type { Actor } from './actor';

/**
 * The organisation whose cases alone the actor may see, normalised as read models store it: set
 * for an organisation's representative (with no other role), undefined for officials, who see the
 * whole tenant. A representative without a valid number sees nothing (`''` matches no case).
 */
export function onlyOwnOrganisation(actor: Actor): string | undefined {
  if (!actor.roles.every((role) => role === 'organisation')) return undefined;
  return normaliseOrganisationNumber(actor.organisationNumber ?? '') ?? '';
}
