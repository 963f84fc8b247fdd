import { Redirect } from 'wouter';
import { useAuth } from '../auth/auth';

/** The start page is where each person's work is: representatives their organisation's pages, auditors the audit, officials their worklist. */
export default function HomePage() {
  const auth = useAuth();
  if (auth.actor?.roles.every((role) => role === 'organisation')) return <Redirect to="/organisation" replace />;
  if (auth.actor?.roles.every((role) => role === 'auditor')) return <Redirect to="/granskning" replace />;
  return <Redirect to="/att-gora" replace />;
}
