import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { bearer, JWT_SECRET, TestApi } from '../support/api';

const claims = { name: 'Frida Larsson', roles: ['handlaggare'], tenant: 'osteraker' };

describe('bearer tokens from an identity provider (JWKS)', () => {
  let api: TestApi;
  let jwks: Server;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    // The identity provider's key set, served over real HTTP as a provider would.
    jwks = createServer((_req, res) => res.setHeader('Content-Type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    api = await TestApi.start({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER: 'https://idp.osteraker.se', JWT_AUDIENCE: 'iop-engine' });
  });

  afterAll(async () => {
    await api.stop();
    jwks.close();
  });

  const idpToken = (overrides: { issuer?: string; expires?: string | Date; claims?: object } = {}) =>
    new SignJWT({ ...claims, ...overrides.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setSubject('frida.larsson')
      .setIssuer(overrides.issuer ?? 'https://idp.osteraker.se')
      .setAudience('iop-engine')
      .setIssuedAt()
      .setExpirationTime(overrides.expires ?? '5m')
      .sign(privateKey);

  const status = async (token: string) => (await api.http().get('/cases').set('Authorization', `Bearer ${token}`)).body;

  it("accepts the provider's tokens", async () => {
    expect(await status(await idpToken())).toMatchObject({ total: 0 });
  });

  it('refuses a token signed with the shared secret, another issuer, an expired one, or one without a tenant', async () => {
    const refusals = [
      (await bearer({ roles: ['handlaggare'], tenant: 'osteraker' })).Authorization.slice(7),
      await idpToken({ issuer: 'https://evil.example' }),
      await idpToken({ expires: new Date('2020-01-01T00:00:00Z') }),
      await idpToken({ claims: { tenant: undefined, roles: ['superuser'] } }),
    ];
    for (const token of refusals) expect(await status(token)).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await status(refusals[3])).message).toMatch(/roles.*tenant/);
  });
});

describe('npm run token', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  it('mints a token the service accepts, with the claims asked for', async () => {
    const script = join(__dirname, '../../dist/scripts/token.js');
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first (npm test does)`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [script, '--role', 'organisation', '--org', '802478-9128', '--tenant', 'osteraker', '--name', 'Anna Berg'],
      { env: { ...process.env, JWT_SECRET } },
    );
    const response = await api.http().get('/cases').set('Authorization', `Bearer ${stdout.trim()}`);
    expect(response.status).toBe(200);
    const [, payload] = stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      name: 'Anna Berg',
      roles: ['organisation'],
      tenant: 'osteraker',
      org: '802478-9128',
    });
  });
});
