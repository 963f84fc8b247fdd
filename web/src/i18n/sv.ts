/**
 * Every text of the app, in Swedish: the catalogue the English one (en.ts) must match key for key.
 * Components take their texts from here (useT), never as literals. Group by screen.
 */
export const sv = {
  app: {
    name: 'IOP-ärenden',
    title: (page: string) => `${page} – IOP-ärenden`,
  },
  shell: {
    skipToContent: 'Hoppa till innehållet',
    mainNav: 'Huvudmeny',
    userMenu: 'Inloggad användare',
    signedInAs: (name: string) => `Inloggad som ${name}`,
    signOut: 'Logga ut',
    languageSwitch: 'In English',
    languageSwitchLang: 'en',
    accessibility: 'Tillgänglighetsredogörelse',
    loading: 'Laddar …',
    error: 'Något gick fel. Försök igen om en stund.',
    retry: 'Försök igen',
  },
  nav: {
    cases: 'Ärenden',
    accessibility: 'Tillgänglighet',
  },
  roles: {
    organisation: 'Organisationens företrädare',
    registrator: 'Registrator',
    handlaggare: 'Handläggare',
    chef: 'Chef',
    namndsekreterare: 'Nämndsekreterare',
    signatory: 'Firmatecknare',
    auditor: 'Revisor',
    admin: 'Administratör',
  },
  signIn: {
    title: 'Logga in',
    intro: 'Logga in för att arbeta med ärenden om idéburet offentligt partnerskap.',
    withIdp: 'Logga in med organisationens inloggning',
    localTitle: 'Lokal inloggning (endast för utveckling och demo)',
    localWarning: 'Lokal inloggning finns bara när ingen identitetsleverantör är konfigurerad och tjänsten bara nås från den här datorn.',
    person: 'Person',
    roles: 'Roller',
    rolesHelp: 'Välj en eller flera av personens roller.',
    submit: 'Logga in',
    noMethod: 'Ingen inloggning är konfigurerad. Be administratören ange OIDC_CLIENT_ID och JWT_ISSUER.',
    failed: 'Inloggningen misslyckades. Försök igen.',
    completing: 'Slutför inloggningen …',
    tenant: (tenant: string) => `Kommun: ${tenant}`,
    organisation: (name: string) => `Företräder ${name}`,
  },
  notFound: {
    title: 'Sidan finns inte',
    text: 'Sidan du söker finns inte, eller så får du inte se den.',
    home: 'Till startsidan',
  },
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
  },
  cases: {
    title: 'Ärenden',
  },
};

export type Catalogue = typeof sv;
