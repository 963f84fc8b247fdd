import { createSecretKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AccessDenied } from './access-denied';
import type { AppConfig } from '../config/app-config';
import { ROLES, type Role } from '../lifecycle';
import type { ReferenceDataStore } from '../reference-data/reference-data.store';
import type { Actor } from './actor';
import { hs256Key } from './signing-key';

/**
 * Verifies bearer tokens: HS256 with a shared key, or an identity provider's JWKS. A token must
 * expire (`exp`), live at most JWT_MAX_LIFETIME_SECONDS, not be used before its `nbf` or claim to
 * be issued in the future (`iat`), all give or take JWT_CLOCK_SKEW_SECONDS; it must carry the
 * configured `iss` and `aud`, and name a tenant this engine serves: one with reference data, or
 * any tenant for its administrators, who set a new municipality up through the API.
 */
export class TokenVerifier {
  // The HS256 secret as a key object made once: from raw bytes jose would import it on every request.
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(
    private readonly config: AppConfig,
    private readonly referenceData: ReferenceDataStore,
  ) {
    if (config.JWT_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else {
      this.key = createSecretKey(hs256Key(config.JWT_SECRET, config.DATA_DIR));
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string): Promise<Actor> {
    const options = {
      algorithms: this.algorithms,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      requiredClaims: ['exp'],
      clockTolerance: this.config.JWT_CLOCK_SKEW_SECONDS,
    };
    const { payload } = await (this.key instanceof KeyObject ? jwtVerify(token, this.key, options) : jwtVerify(token, this.key, options)).catch(
      (error: Error) => {
        throw new AccessDenied('UNAUTHENTICATED', `The bearer token was refused: ${error.message}`);
      },
    );
    this.checkTimes(payload);
    const actor = actorFrom(payload);
    if (!actor.roles.includes('admin') && !(await this.referenceData.isSetUp(actor.tenant))) {
      throw new AccessDenied(
        'TENANT_UNKNOWN',
        `The bearer token names a tenant this engine does not serve yet: ${actor.tenant}. An administrator (role admin) of it must first set up its reference data (PUT /reference-data/municipality).`,
      );
    }
    return actor;
  }

  /** jose checks `exp` and `nbf`; a lifetime and an `iat` that is not in the future are ours to check. */
  private checkTimes({ exp, iat }: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    const skew = this.config.JWT_CLOCK_SKEW_SECONDS;
    const refuse = (why: string) => new AccessDenied('UNAUTHENTICATED', `The bearer token was refused: ${why}`);
    if (iat !== undefined && iat > now + skew) throw refuse('"iat" claim is in the future');
    const lifetime = (exp as number) - (iat ?? now);
    if (lifetime > this.config.JWT_MAX_LIFETIME_SECONDS)
      throw refuse(`it lives ${lifetime} s, longer than the ${this.config.JWT_MAX_LIFETIME_SECONDS} s allowed`);
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
