import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';

/**
 * The HS256 key: JWT_SECRET when set, else one generated on first use and kept in DATA_DIR, so
 * that `npm start` and `npm run token` work together with no configuration.
 */
export function hs256Key(secret: string | undefined, dataDir: string): Uint8Array {
  if (secret) return new TextEncoder().encode(secret);
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export interface TokenClaims {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly tenant: string;
  readonly org?: string;
}

/** An HS256 bearer token as the service accepts it: for local use (npm run token, npm run audit, tests). */
export function mintToken(
  { sub, ...claims }: TokenClaims,
  key: Uint8Array,
  options: { hours?: number; issuer?: string; audience?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(`${options.hours ?? 1}h`);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(key);
}
