import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AccessDenied } from './access-denied';
import type { AppConfig } from '../config/app-config';
import { ROLES, type Role } from '../lifecycle';
import type { Actor } from './actor';
import { hs256Key } from './signing-key';

/** Verifies bearer tokens: HS256 with a shared key, or an identity provider's JWKS. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: AppConfig) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else {
      this.key = hs256Key(config.JWT_SECRET, config.DATA_DIR);
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<Actor> {
    const options = { algorithms: this.algorithms, issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE };
    const { payload } = await (this.key instanceof Uint8Array ? jwtVerify(token, this.key, options) : jwtVerify(token, this.key, options)).catch(
      (error: Error) => {
        throw new AccessDenied('UNAUTHENTICATED', `The bearer token was refused: ${error.message}`);
      },
    );
    return actorFrom(payload);
  }
}

function actorFrom(claims: JWTPayload): Actor {
  const { sub, name, roles, tenant, org } = claims as JWTPayload & Record<string, unknown>;
  const problems = [
    typeof sub === 'string' && sub ? null : 'sub',
    typeof name === 'string' && name ? null : 'name',
    Array.isArray(roles) && roles.length > 0 && roles.every((r) => ROLES.includes(r as Role)) ? null : `roles (some of ${ROLES.join(', ')})`,
    typeof tenant === 'string' && tenant ? null : 'tenant',
    org === undefined || typeof org === 'string' ? null : 'org',
  ].filter((p): p is string => p !== null);
  if ((roles as Role[] | undefined)?.includes?.('organisation') && typeof org !== 'string') problems.push('org (required for the organisation role)');
  if (problems.length > 0) throw new AccessDenied('UNAUTHENTICATED', `The bearer token lacks valid claims: ${problems.join(', ')}`);
  return {
    id: sub as string,
    name: name as string,
    roles: roles as Role[],
    tenant: tenant as string,
    ...(typeof org === 'string' && { organisationNumber: org }),
  };
}
