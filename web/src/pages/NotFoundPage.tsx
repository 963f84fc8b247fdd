import { Link } from 'react-aria-components';
import { usePageTitle } from '../app/page';
import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.notFound.title);
  return (
    <>
      <h1 tabIndex={-1}>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <Link href="/">{t.notFound.home}</Link>
    </>
  );
}
