// A real OpenID provider (oidc-provider, certified) for the browser tests, run as a child process
// because it ships as ES modules with ES-module dependencies that jest's CommonJS loader does not
// load. Configured by OIDC_TEST_CONFIG (see oidc-provider.ts); prints "ready" when it listens.
import Provider from 'oidc-provider';

const { port, clientId, redirectUris, audience, accounts } = JSON.parse(process.env.OIDC_TEST_CONFIG);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: redirectUris,
      // Signing out of the app ends the session here too, then returns to the app's start.
      post_logout_redirect_uris: redirectUris.map((uri) => `${new URL(uri).origin}/`),
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, name: accounts[id].name }) } : undefined),
  // The access token is what the service verifies: a JWT for its audience with the engine's claims.
  extraTokenClaims: (_ctx, token) => {
    const { name, roles, tenant, org } = accounts[token.accountId] ?? {};
    return { name, roles, tenant, ...(org && { org }) };
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'openid profile', audience, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // The people of the tests have consented already: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(audience, 'openid profile');
    await grant.save();
    return grant;
  },
});

provider.listen(port, '127.0.0.1', () => console.log('ready'));
