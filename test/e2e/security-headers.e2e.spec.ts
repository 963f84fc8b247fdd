import { TestApi } from '../support/api';

/** The policy's directives by name: `script-src 'self'` → { 'script-src': ["'self'"] }. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

/**
 * Issue 12: answers said `X-Powered-By: Express` and carried no security headers. Now helmet's
 * headers, with a Content-Security-Policy fit for the web app served from the same origin: no inline
 * scripts anywhere, fetches to this origin and the configured OpenID issuer.
 */
describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({ JWT_ISSUER: 'https://idp.osteraker.se/realms/iop' })));
  afterAll(() => api.stop());

  it('sends no X-Powered-By, and helmet’s headers on every answer, errors too', async () => {
    for (const answer of [await api.http().get('/health'), await api.http().get('/cases'), await api.http().get('/no/such/path')]) {
      expect(answer.headers['x-powered-by']).toBeUndefined();
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
      });
    }
  });

  it('has a CSP for a single-page app from this origin: scripts and styles from self, fetches to self and the issuer', async () => {
    const csp = directives((await api.http().get('/health')).headers['content-security-policy']);
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'connect-src': ["'self'", 'https://idp.osteraker.se'],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('lets the API docs keep their inline styles, never inline scripts, and the docs page has none', async () => {
    const docs = await api.http().get('/docs/');
    const csp = directives(docs.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(docs.text.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
  });
});
