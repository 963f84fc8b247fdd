import type { Catalogue } from './sv';

/** The English catalogue: the same keys as sv.ts (the compiler checks), for officials who prefer English. */
export const en: Catalogue = {
  app: {
    name: 'IOP cases',
    title: (page: string) => `${page} – IOP cases`,
  },
  shell: {
    skipToContent: 'Skip to content',
    mainNav: 'Main menu',
    userMenu: 'Signed-in user',
    signedInAs: (name: string) => `Signed in as ${name}`,
    signOut: 'Sign out',
    languageSwitch: 'På svenska',
    languageSwitchLang: 'sv',
    accessibility: 'Accessibility statement',
    loading: 'Loading …',
    error: 'Something went wrong. Please try again in a moment.',
    retry: 'Try again',
  },
  nav: {
    cases: 'Cases',
    accessibility: 'Accessibility',
  },
  roles: {
    organisation: "Organisation's representative",
    registrator: 'Registrar',
    handlaggare: 'Case officer',
    chef: 'Manager',
    namndsekreterare: 'Board secretary',
    signatory: 'Signatory',
    auditor: 'Auditor',
    admin: 'Administrator',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to work with cases of idéburet offentligt partnerskap (IOP).',
    withIdp: "Sign in with your organisation's login",
    localTitle: 'Local sign-in (development and demo only)',
    localWarning: 'Local sign-in exists only when no identity provider is configured and the service is reachable from this computer only.',
    person: 'Person',
    roles: 'Roles',
    rolesHelp: "Choose one or more of the person's roles.",
    submit: 'Sign in',
    noMethod: 'No sign-in is configured. Ask the administrator to set OIDC_CLIENT_ID and JWT_ISSUER.',
    failed: 'Signing in failed. Please try again.',
    completing: 'Completing sign-in …',
    tenant: (tenant: string) => `Municipality: ${tenant}`,
    organisation: (name: string) => `Represents ${name}`,
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist, or you may not see it.',
    home: 'To the start page',
  },
  accessibility: {
    title: 'Accessibility statement',
  },
  cases: {
    title: 'Cases',
  },
};
