import { bearer, TestApi } from '../support/api';

/**
 * Issue 12: there was no rate limiting at all (2 000 bad tokens in a row: 2 000 × 401). Now limits
 * per caller (bearer token), per source address, and — stricter — for failed authentication per
 * address, answered 429 RATE_LIMITED with Retry-After. Tests set the limits explicitly (test/support
 * turns them off elsewhere).
 */
describe('rate limits', () => {
  const start = (limits: Record<string, string>) =>
    TestApi.start({ RATE_LIMIT_PER_CALLER: '0', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_FAILED_AUTH: '0', RATE_LIMIT_WINDOW_MS: '60000', ...limits });
  const expectLimited = (answer: { status: number; headers: Record<string, string>; body: unknown }) => {
    expect(answer.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
  };

  it('refuses an address with 429 after a few failed authentications, valid tokens then too', async () => {
    const api = await start({ RATE_LIMIT_FAILED_AUTH: '3' });
    try {
      const officer = await bearer({ roles: ['handlaggare'], tenant: 'linkoping' });
      for (let i = 0; i < 10; i++) expect((await api.http().get('/cases').set(officer)).status).toBe(200); // successes do not count
      for (let i = 0; i < 3; i++) expect((await api.http().get('/cases').set('Authorization', `Bearer guessed-${i}`)).status).toBe(401);
      expectLimited(await api.http().get('/cases').set('Authorization', 'Bearer guessed-4'));
      expectLimited(await api.http().get('/cases').set(officer));
    } finally {
      await api.stop();
    }
  });

  it('limits each caller (bearer token) on its own', async () => {
    const api = await start({ RATE_LIMIT_PER_CALLER: '5' });
    try {
      const [first, second] = [await bearer({ roles: ['handlaggare'], tenant: 'linkoping' }), await bearer({ roles: ['chef'], tenant: 'linkoping' })];
      for (let i = 0; i < 5; i++) expect((await api.http().get('/cases').set(first)).status).toBe(200);
      expectLimited(await api.http().get('/cases').set(first));
      expect((await api.http().get('/cases').set(second)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('limits each source address, whatever tokens it sends', async () => {
    const api = await start({ RATE_LIMIT_PER_ADDRESS: '8' });
    try {
      for (let i = 0; i < 8; i++)
        expect(
          (
            await api
              .http()
              .get('/cases')
              .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping', sub: `u${i}` }))
          ).status,
        ).toBe(200);
      expectLimited(
        await api
          .http()
          .get('/cases')
          .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping', sub: 'u9' })),
      );
    } finally {
      await api.stop();
    }
  });
});
