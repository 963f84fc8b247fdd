import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ErrorMessage, Loading } from '../app/states';
import { usePageTitle } from '../app/page';
import { useT } from '../i18n/i18n';
import { useAuth } from './auth';
import { completeIdpSignIn } from './oidc';
import { useSignInSettings } from './SignInPage';

/** The identity provider's redirect back: trade the code once (React may run effects twice), then go where the person was going. */
export function OidcCallbackPage() {
  const t = useT();
  usePageTitle(t.signIn.title);
  const auth = useAuth();
  const [, navigate] = useLocation();
  const settings = useSignInSettings();
  const started = useRef(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const oidc = settings.data?.oidc;
    if (!oidc || started.current) return;
    started.current = true;
    completeIdpSignIn(oidc).then(({ token, returnTo }) => {
      auth.signIn(token, 'oidc');
      navigate(returnTo, { replace: true });
    }, setError);
  }, [settings.data, auth, navigate]);
  return (
    <>
      <h1 tabIndex={-1}>{t.signIn.title}</h1>
      {error ? <ErrorMessage error={error} /> : <Loading label={t.signIn.completing} />}
    </>
  );
}
