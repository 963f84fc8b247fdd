import { useEffect } from 'react';
import { useT } from '../i18n/i18n';

/** Every page has its own title (WCAG 2.4.2), in the chosen language. */
export function usePageTitle(page: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t.app.title(page);
  }, [t, page]);
}
