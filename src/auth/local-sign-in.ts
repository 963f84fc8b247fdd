import { isIP } from 'node:net';
import type { AppConfig } from '../config/app-config';
import type { Role } from '../lifecycle';
import { AccessDenied } from './access-denied';
import { hs256Key, mintToken } from './signing-key';

/** A made-up person of the demo tenants, offered by the web app's local sign-in. */
export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly tenant: string;
  /** The roles the person may pick from; the first ones are preselected. */
  readonly roles: readonly Role[];
  readonly org?: string;
  readonly organisationName?: string;
}

const OFFICIAL: Role[] = ['registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory'];

/** People of the demo cases (src/demo): an official, a representative and an auditor per tenant. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'jhonas.nilsson', name: 'Jhonas Nilsson', tenant: 'robertsfors', roles: OFFICIAL },
  {
    id: 'umea.representant',
    name: 'Eva Lindqvist',
    tenant: 'robertsfors',
    roles: ['organisation'],
    org: '802012-3454',
    organisationName: 'Brottsofferjouren i Umeå',
  },
  { id: 'robertsfors.revisor', name: 'Maria Öberg', tenant: 'robertsfors', roles: ['auditor'] },
  { id: 'frida.larsson', name: 'Frida Larsson', tenant: 'osteraker', roles: [...OFFICIAL, 'admin'] },
  { id: 'anna.berg', name: 'Anna Berg', tenant: 'osteraker', roles: ['organisation'], org: '802478-9128', organisationName: 'Brottsofferjouren Roslagen' },
  { id: 'osteraker.revisor', name: 'Lars Holm', tenant: 'osteraker', roles: ['auditor'] },
  { id: 'john.fristedt', name: 'John Fristedt', tenant: 'linkoping', roles: OFFICIAL },
  {
    id: 'linkoping.representant',
    name: 'Eva Ek',
    tenant: 'linkoping',
    roles: ['organisation'],
    org: '822004-0417',
    organisationName: 'Brottsofferjouren i Linköping',
  },
];

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === 'localhost') return true;
  const plain = address.replace(/^::ffff:/, '');
  return (isIP(plain) === 4 && plain.startsWith('127.')) || plain === '::1';
}

/**
 * Local sign-in exists only where nobody but the machine's own user can reach it: no identity
 * provider is configured (tokens are the service's own HS256 ones) and the service listens on, and
 * is called from, loopback.
 */
export function localSignInAllowed(config: AppConfig, remoteAddress?: string): boolean {
  return !config.JWT_JWKS_URL && isLoopback(config.HOST) && (remoteAddress === undefined || isLoopback(remoteAddress));
}

/** A bearer token for a demo person with some of their roles; refused where local sign-in does not exist. */
export async function mintLocalToken(config: AppConfig, remoteAddress: string | undefined, personId: string, roles: readonly Role[]): Promise<string> {
  if (!localSignInAllowed(config, remoteAddress)) {
    throw new AccessDenied(
      'LOCAL_SIGN_IN_DISABLED',
      'Local sign-in exists only on loopback, with no identity provider configured; sign in with the identity provider.',
    );
  }
  const person = DEMO_PEOPLE.find((p) => p.id === personId);
  if (!person) throw new AccessDenied('UNAUTHENTICATED', `No demo person has the id ${personId}.`);
  const refused = roles.filter((role) => !person.roles.includes(role));
  if (roles.length === 0 || refused.length > 0) {
    throw new AccessDenied('FORBIDDEN_ROLE', `${person.name} may sign in with some of: ${person.roles.join(', ')}.`, { required: person.roles });
  }
  const claims = { sub: person.id, name: person.name, roles, tenant: person.tenant, ...(person.org && { org: person.org }) };
  return mintToken(claims, hs256Key(config.JWT_SECRET, config.DATA_DIR), { hours: 8, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
}
