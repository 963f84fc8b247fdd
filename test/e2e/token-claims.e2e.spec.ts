import { SignJWT } from 'jose';
import { JWT_SECRET, TestApi } from '../support/api';
import { VALID_BODIES } from '../support/command-bodies';

const KEY = new TextEncoder().encode(JWT_SECRET);
const NOW = () => Math.floor(Date.now() / 1000);

interface Shape {
  readonly exp?: number | null;
  readonly iat?: number | null;
  readonly nbf?: number;
  readonly iss?: string;
  readonly aud?: string;
  readonly claims?: Record<string, unknown>;
}

/** An HS256 token with exactly the times asked for (null: the claim left out). */
function token({ exp = NOW() + 300, iat = NOW(), nbf, iss, aud, claims = {} }: Shape = {}): Promise<string> {
  const jwt = new SignJWT({ name: 'Frida Larsson', roles: ['handlaggare'], tenant: 'osteraker', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('frida');
  if (exp !== null) jwt.setExpirationTime(exp);
  if (iat !== null) jwt.setIssuedAt(iat);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  if (iss) jwt.setIssuer(iss);
  if (aud) jwt.setAudience(aud);
  return jwt.sign(KEY);
}

/**
 * Issue 12: tokens without `exp` were accepted, as were `iat` a century ahead and foreign
 * `iss`/`aud`; a token could name any tenant, and `POST /cases` created a case in a tenant that
 * does not exist.
 */
describe('bearer token claims', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const answer = async (jwt: string) => (await api.http().get('/cases').set('Authorization', `Bearer ${jwt}`)).body;

  it('refuses a token without exp', async () => {
    expect(await answer(await token({ exp: null }))).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.stringMatching(/exp/) });
  });

  it('refuses a token that lives longer than the maximum lifetime (12 h by default)', async () => {
    expect(await answer(await token({ exp: NOW() + 30 * 86_400 }))).toMatchObject({
      statusCode: 401,
      message: expect.stringMatching(/longer than the 43200 s/),
    });
    expect(await answer(await token({ exp: NOW() + 30 * 86_400, iat: null }))).toMatchObject({ statusCode: 401 });
    expect(await answer(await token({ exp: NOW() + 43_000 }))).toMatchObject({ total: expect.any(Number) });
  });

  it('refuses a token issued in the future (iat a century ahead), and one not yet valid (nbf)', async () => {
    const century = NOW() + 100 * 365 * 86_400;
    expect(await answer(await token({ iat: century, exp: century + 60 }))).toMatchObject({ statusCode: 401, message: expect.stringMatching(/iat/) });
    expect(await answer(await token({ nbf: NOW() + 600 }))).toMatchObject({ statusCode: 401, message: expect.stringMatching(/nbf/) });
  });

  it('honours exp, nbf and iat with a small clock skew', async () => {
    expect(await answer(await token({ exp: NOW() - 10, iat: NOW() - 100 }))).toMatchObject({ total: expect.any(Number) });
    expect(await answer(await token({ nbf: NOW() + 10, iat: NOW() + 10 }))).toMatchObject({ total: expect.any(Number) });
    expect(await answer(await token({ exp: NOW() - 120, iat: NOW() - 200 }))).toMatchObject({ statusCode: 401 });
  });

  it('answers a token naming a tenant this engine does not serve with 403 TENANT_UNKNOWN', async () => {
    expect(await answer(await token({ claims: { tenant: 'atlantis' } }))).toMatchObject({
      statusCode: 403,
      code: 'TENANT_UNKNOWN',
      message: expect.stringMatching(/atlantis/),
    });
  });

  it('creates no case in a tenant that does not exist', async () => {
    const jwt = await token({ claims: { tenant: 'atlantis', roles: ['organisation'], org: '822004-0417' } });
    const response = await api.http().post('/cases').set('Authorization', `Bearer ${jwt}`).send(VALID_BODIES['submit-application']);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'TENANT_UNKNOWN' });
    expect((await api.db.pool.query("SELECT count(*)::int AS n FROM events WHERE tenant = 'atlantis'")).rows[0].n).toBe(0);
  });
});

describe('bearer tokens where an issuer and an audience are configured', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({ JWT_ISSUER: 'https://idp.osteraker.se', JWT_AUDIENCE: 'iop-engine' })));
  afterAll(() => api.stop());

  const status = async (jwt: string) => (await api.http().get('/cases').set('Authorization', `Bearer ${jwt}`)).status;

  it('refuses a foreign iss or aud, or none, and accepts its own', async () => {
    const own = { iss: 'https://idp.osteraker.se', aud: 'iop-engine' };
    expect(await status(await token(own))).toBe(200);
    expect(await status(await token({ ...own, iss: 'https://evil.example' }))).toBe(401);
    expect(await status(await token({ ...own, aud: 'another-app' }))).toBe(401);
    expect(await status(await token({ aud: 'iop-engine' }))).toBe(401);
    expect(await status(await token({ iss: 'https://idp.osteraker.se' }))).toBe(401);
  });
});
