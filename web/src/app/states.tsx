import { Button } from 'react-aria-components';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';

/** Loading: announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p role="status" className="muted">
      {label ?? t.shell.loading}
    </p>
  );
}

/** An error: the service's own message when it gave one, else a general one; with a retry when there is something to retry. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useT();
  const message = error instanceof ApiError && error.body?.message ? error.body.message : t.shell.error;
  return (
    <div role="alert" className="error-box">
      <p>{message}</p>
      {retry && (
        <Button className="button" onPress={retry}>
          {t.shell.retry}
        </Button>
      )}
    </div>
  );
}

/** Nothing to show: said in words, not as an empty table. */
export function Empty({ text }: { text: string }) {
  return <p className="muted">{text}</p>;
}
