import { lazy, type ComponentType } from 'react';
import type { Role } from '../api/client';
import { OidcCallbackPage } from '../auth/OidcCallbackPage';
import { OIDC_CALLBACK_PATH } from '../auth/oidc';
import type { Catalogue } from '../i18n/sv';

export interface AppRoute {
  /** A wouter path (`/arenden/:id`). Swedish paths: they never collide with the API's English ones. */
  readonly path: string;
  readonly page: ComponentType;
  /** Shown in the main menu under this label. */
  readonly nav?: (t: Catalogue) => string;
  /** Only these roles see the menu item (and the page says "not found" to others); unset: everyone signed in. */
  readonly roles?: readonly Role[];
  /** Only these roles see the menu item, though everyone signed in may open the page (what its API lets them do decides the rest). */
  readonly navRoles?: readonly Role[];
  /** Needs no sign-in. */
  readonly public?: boolean;
}

// Pages load on first visit, so the first load stays small.
const CasesPage = lazy(() => import('../cases/CasesPage'));
const CasePage = lazy(() => import('../cases/CasePage'));
const AccessibilityPage = lazy(() => import('../pages/AccessibilityPage'));
const HomePage = lazy(() => import('../pages/HomePage'));
const WorklistPage = lazy(() => import('../worklist/WorklistPage'));
const AuditPage = lazy(() => import('../audit/AuditPage'));
const DeadlinesPage = lazy(() => import('../deadlines/DeadlinesPage'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));
const OrganisationPage = lazy(() => import('../organisation/OrganisationPage'));
const ApplicationPage = lazy(() => import('../organisation/ApplicationPage'));
const AdminPage = lazy(() => import('../admin/AdminPage'));
const BudgetPage = lazy(() => import('../budget/BudgetPage'));
const ReferenceDataPage = lazy(() => import('../reference-data/ReferenceDataPage'));

/** Who works with cases (not auditors, who read, nor representatives, who have their own pages). */
const OFFICIALS: Role[] = ['registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory', 'admin'];

/**
 * The app's screens, in menu order. A new screen is one row here (and its texts in i18n/sv.ts and
 * i18n/en.ts); the shell makes its menu item, the title and the sign-in gate.
 */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', page: HomePage },
  { path: '/att-gora', page: WorklistPage, nav: (t) => t.nav.todo, roles: OFFICIALS },
  { path: '/organisation', page: OrganisationPage, nav: (t) => t.nav.organisation, roles: ['organisation'] },
  { path: '/organisation/ny-ansokan', page: ApplicationPage, roles: ['organisation'] },
  { path: '/arenden', page: CasesPage, nav: (t) => t.nav.cases },
  { path: '/arenden/:id', page: CasePage },
  { path: '/arenden/:id/historik', page: CasePage },
  { path: '/tidsfrister', page: DeadlinesPage, nav: (t) => t.nav.deadlines },
  { path: '/budgetoversikt', page: BudgetPage, nav: (t) => t.nav.budget, roles: ['chef', 'handlaggare', 'namndsekreterare', 'admin', 'auditor'] },
  { path: '/granskning', page: AuditPage, nav: (t) => t.nav.audit, roles: ['auditor', 'admin'] },
  { path: '/notiser', page: NotificationsPage, nav: (t) => t.nav.notifications, roles: ['chef', 'admin'] },
  { path: '/administration', page: AdminPage, nav: (t) => t.nav.admin, roles: ['admin'] },
  { path: '/referensdata', page: ReferenceDataPage, nav: (t) => t.nav.referenceData, navRoles: ['admin'] },
  { path: '/tillganglighet', page: AccessibilityPage, public: true },
  { path: OIDC_CALLBACK_PATH, page: OidcCallbackPage, public: true },
];
