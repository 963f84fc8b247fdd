import { usePageTitle } from '../app/page';
import { useT } from '../i18n/i18n';

export default function CasesPage() {
  const t = useT();
  usePageTitle(t.cases.title);
  return <h1 tabIndex={-1}>{t.cases.title}</h1>;
}
