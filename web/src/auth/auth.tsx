import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, dataOf, setBearer, type Actor, type Role } from '../api/client';
import { signOutAtIdp } from './oidc';

const TOKEN_KEY = 'iop.token';
/** How the person signed in: 'oidc' sessions are ended at the identity provider too. */
const METHOD_KEY = 'iop.signin';

export interface Auth {
  /** The signed-in person as the service sees their token; null when signed out. */
  readonly actor: Actor | null;
  /** True while a kept token is being checked. */
  readonly checking: boolean;
  signIn(token: string, method?: 'local' | 'oidc'): void;
  /** Ends the session here and, after an identity provider's sign-in, there too (a shared computer is left signed out). */
  signOut(): void;
  has(...roles: Role[]): boolean;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Holds the bearer token (sessionStorage: gone with the tab) from either sign-in (local or the
 * identity provider) and asks the service who it belongs to (GET /auth/me). A 401 anywhere signs out.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  /** Forgets the token here (also what a 401 does: the token has expired or was refused). */
  const forget = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(METHOD_KEY);
    setToken(null);
    queries.clear();
  }, [queries]);
  const signOut = useCallback(() => {
    const method = sessionStorage.getItem(METHOD_KEY);
    forget();
    if (method === 'oidc') void endIdpSession();
  }, [forget]);
  const signIn = useCallback((next: string, method: 'local' | 'oidc' = 'local') => {
    sessionStorage.setItem(TOKEN_KEY, next);
    sessionStorage.setItem(METHOD_KEY, method);
    setToken(next);
  }, []);
  // Set during render, before any child's query runs with it.
  setBearer(token, forget);
  const me = useQuery({ queryKey: ['me', token], queryFn: async () => dataOf(await api.GET('/auth/me')), enabled: token !== null, staleTime: Infinity });
  const actor = token ? (me.data ?? null) : null;
  const value = useMemo<Auth>(
    () => ({ actor, checking: token !== null && me.isPending, signIn, signOut, has: (...roles) => roles.some((r) => actor?.roles.includes(r)) }),
    [actor, token, me.isPending, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

async function endIdpSession(): Promise<void> {
  const settings = dataOf(await api.GET('/auth/config'));
  if (settings.oidc) await signOutAtIdp(settings.oidc);
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
