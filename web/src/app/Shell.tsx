import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { useLocation } from 'wouter';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import type { Lang } from '../i18n/format';
import { ROUTES } from './routes';
import { Loading } from './states';

/**
 * The frame of every page: a skip link, the banner with the menu (only what the person's roles
 * may use), who is signed in, the language switch, the main content and a footer with the
 * accessibility statement. After a navigation focus moves to the main content.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [location]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.shell.skipToContent}
      </a>
      <header className="banner">
        <div className="banner-row">
          <Link href="/" className="app-name">
            {t.app.name}
          </Link>
          <LanguageSwitch />
          <SignedIn />
        </div>
        <MainMenu />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <footer className="footer">
        <Link href="/tillganglighet">{t.shell.accessibility}</Link>
      </footer>
    </>
  );
}

function MainMenu() {
  const { t } = useI18n();
  const auth = useAuth();
  const [location] = useLocation();
  if (!auth.actor) return null;
  const items = ROUTES.filter((route) => {
    const roles = route.navRoles ?? route.roles;
    return route.nav && (!roles || auth.has(...roles));
  });
  return (
    <nav aria-label={t.shell.mainNav}>
      <ul className="menu">
        {items.map((route) => {
          const current = location === route.path || location.startsWith(`${route.path}/`);
          return (
            <li key={route.path}>
              <Link href={route.path} aria-current={current ? 'page' : undefined}>
                {route.nav!(t)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function LanguageSwitch() {
  const { t, setLang } = useI18n();
  const other = t.shell.languageSwitchLang as Lang;
  return (
    <Button className="button subtle" onPress={() => setLang(other)}>
      <span lang={other}>{t.shell.languageSwitch}</span>
    </Button>
  );
}

function SignedIn() {
  const { t } = useI18n();
  const auth = useAuth();
  if (!auth.actor) return null;
  return (
    <section aria-label={t.shell.userMenu} className="signed-in">
      <span>{t.shell.signedInAs(auth.actor.name)}</span>
      <span className="muted"> ({auth.actor.roles.map((role) => t.roles[role]).join(', ')})</span>
      <Button className="button subtle" onPress={auth.signOut}>
        {t.shell.signOut}
      </Button>
    </section>
  );
}
