import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface OidcAccount {
  readonly name: string;
  readonly roles: readonly string[];
  readonly tenant: string;
  readonly org?: string;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly clientId: string;
  readonly audience: string;
  /** The service's configuration for this provider (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE, OIDC_CLIENT_ID). */
  readonly serviceEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID provider (oidc-provider) with these accounts (login name → claims), a
 * public client using PKCE that may return to `redirectUris`, and JWT access tokens for `audience`.
 * Its login page takes any password for a known login.
 */
export async function startOidcProvider(accounts: Record<string, OidcAccount>, redirectUris: string[]): Promise<TestOidcProvider> {
  const port = await freePort();
  const clientId = 'iop-web';
  const audience = 'urn:iop-engine'; // a resource indicator: an absolute URI
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs')], {
    env: { ...process.env, NODE_ENV: 'development', OIDC_TEST_CONFIG: JSON.stringify({ port, clientId, redirectUris, audience, accounts }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}`)));
  });
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId,
    audience,
    serviceEnv: { JWT_JWKS_URL: `${issuer}/jwks`, JWT_ISSUER: issuer, JWT_AUDIENCE: audience, OIDC_CLIENT_ID: clientId },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
