import type { Schemas } from '../api/client';

export type OidcSettings = Schemas['OidcSettingsDto'];

/** Where the identity provider sends the browser back with the code (a route of the app). */
export const OIDC_CALLBACK_PATH = '/logga-in/oidc';

/** oidc-client-ts (authorization code with PKCE), loaded only when someone signs in with the identity provider. */
async function userManager(settings: OidcSettings) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    scope: settings.scope,
    redirect_uri: `${location.origin}${OIDC_CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** Off to the identity provider; `returnTo` is where the app goes after the callback. */
export async function signInWithIdp(settings: OidcSettings, returnTo: string): Promise<void> {
  await (await userManager(settings)).signinRedirect({ state: { returnTo } });
}

/** Trades the code for tokens; the access token is the bearer token the service verifies (JWT_JWKS_URL). */
export async function completeIdpSignIn(settings: OidcSettings): Promise<{ token: string; returnTo: string }> {
  const user = await (await userManager(settings)).signinRedirectCallback();
  const state = user.state as { returnTo?: string } | undefined;
  return { token: user.access_token, returnTo: state?.returnTo ?? '/' };
}

/** Ends the session at the identity provider (RP-initiated logout), which then sends the browser back to the app's start. */
export async function signOutAtIdp(settings: OidcSettings): Promise<void> {
  await (await userManager(settings)).signoutRedirect();
}
