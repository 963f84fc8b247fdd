import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webAppDir } from '../../src/api/web/web-app.module';
import { TestApi } from '../support/api';

describe('sign-in for the web app', () => {
  describe('on loopback with no identity provider', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await TestApi.start();
    });
    afterAll(() => api.stop());

    it('offers local sign-in with the demo people, and no identity provider', async () => {
      const { body } = await api.http().get('/auth/config').expect(200);
      expect(body.oidc).toBeNull();
      expect(body.localSignIn).toBe(true);
      expect(body.demoPeople).toContainEqual(
        expect.objectContaining({ id: 'jhonas.nilsson', tenant: 'robertsfors', roles: expect.arrayContaining(['handlaggare']) }),
      );
    });

    it('mints a token for a demo person with some of their roles, which the API then accepts', async () => {
      const { body } = await api
        .http()
        .post('/auth/local-token')
        .send({ personId: 'umea.representant', roles: ['organisation'] })
        .expect(201);
      const me = await api.http().get('/auth/me').set('Authorization', `Bearer ${body.token}`).expect(200);
      expect(me.body).toEqual({
        id: 'umea.representant',
        name: 'Eva Lindqvist',
        roles: ['organisation'],
        tenant: 'robertsfors',
        organisationNumber: '802012-3454',
      });
    });

    it('refuses a role the person does not have, an unknown person and an empty role list', async () => {
      const role = await api
        .http()
        .post('/auth/local-token')
        .send({ personId: 'umea.representant', roles: ['chef'] })
        .expect(403);
      expect(role.body.code).toBe('FORBIDDEN_ROLE');
      expect(
        (
          await api
            .http()
            .post('/auth/local-token')
            .send({ personId: 'nobody', roles: ['chef'] })
            .expect(401)
        ).body.code,
      ).toBe('UNAUTHENTICATED');
      expect((await api.http().post('/auth/local-token').send({ personId: 'jhonas.nilsson', roles: [] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('answers /auth/me only with a token', async () => {
      expect((await api.http().get('/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  it.each<[string, Record<string, string>]>([
    ['an identity provider is configured', { JWT_JWKS_URL: 'http://127.0.0.1:9/jwks', JWT_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'iop-web' }],
    ['the service listens beyond loopback', { HOST: '0.0.0.0' }],
  ])('mints no local token when %s', async (_when, env) => {
    const api = await TestApi.start(env);
    try {
      const { body } = await api.http().get('/auth/config').expect(200);
      expect(body).toMatchObject({ localSignIn: false, demoPeople: [] });
      if (env.OIDC_CLIENT_ID) expect(body.oidc).toEqual({ authority: 'http://127.0.0.1:9', clientId: 'iop-web', scope: 'openid profile' });
      const refused = await api
        .http()
        .post('/auth/local-token')
        .send({ personId: 'jhonas.nilsson', roles: ['handlaggare'] })
        .expect(403);
      expect(refused.body.code).toBe('LOCAL_SIGN_IN_DISABLED');
    } finally {
      await api.stop();
    }
  });

  describe('serving the built app', () => {
    let api: TestApi;
    beforeAll(async () => {
      if (!existsSync(join(webAppDir(), 'index.html'))) throw new Error('run `npm run build` first (npm test does): the web app is not built');
      api = await TestApi.start();
    });
    afterAll(() => api?.stop());

    it('answers a browser navigating to any app path with the app, and leaves the API as it was', async () => {
      const page = await api.http().get('/arenden/123').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
      expect(page.text).toContain('<div id="root"></div>');
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts: a CSP of 'self' holds
      const unknownApi = await api.http().get('/cases/00000000-0000-0000-0000-000000000000/nothing').set('Accept', 'application/json').expect(404);
      expect(unknownApi.body.statusCode).toBe(404);
      expect((await api.http().get('/cases').set('Accept', 'text/html').expect(401)).body.code).toBe('UNAUTHENTICATED');
      await api.http().post('/arenden').set('Accept', 'text/html').expect(404);
    });
  });
});
