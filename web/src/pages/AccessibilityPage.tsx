import { usePageTitle } from '../app/page';
import { useT } from '../i18n/i18n';

/** The accessibility statement (DIGG's model); linked from every page. */
export default function AccessibilityPage() {
  const t = useT();
  usePageTitle(t.accessibility.title);
  return <h1 tabIndex={-1}>{t.accessibility.title}</h1>;
}
