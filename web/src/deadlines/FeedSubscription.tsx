import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Label, Radio, RadioGroup, TextField, Input } from 'react-aria-components';
import { api, dataOf } from '../api/client';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { useAuth } from '../auth/auth';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Scope = 'tenant' | 'mine';

/** A calendar subscription link: created and shown once (only its hash is kept), listed, revoked. Officials only. */
export function FeedSubscription() {
  const { t } = useI18n();
  const auth = useAuth();
  if (auth.actor?.roles.every((role) => role === 'organisation')) return null;
  return (
    <section aria-labelledby="feed-heading" className="panel">
      <h2 id="feed-heading">{t.feed.heading}</h2>
      <p>{t.feed.help}</p>
      <CreateFeed />
      <FeedTokens />
    </section>
  );
}

function CreateFeed() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [scope, setScope] = useState<Scope>('mine');
  const create = useMutation({
    mutationFn: async () => dataOf(await api.POST('/deadlines/feed-tokens', { body: { scope } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['feed-tokens'] }),
  });
  return (
    <>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <RadioGroup value={scope} onChange={(value) => setScope(value as Scope)} className="choice-group">
          <Label>{t.feed.scope}</Label>
          <Radio value="mine" className="choice">
            {t.feed.scopeMine}
          </Radio>
          <Radio value="tenant" className="choice">
            {t.feed.scopeTenant}
          </Radio>
        </RadioGroup>
        <Button type="submit" className="button primary" isDisabled={create.isPending}>
          {t.feed.create}
        </Button>
      </Form>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.data && (
        <div role="status" className="panel warning-panel">
          <p>{t.feed.showOnce}</p>
          <TextField value={create.data.url} isReadOnly className="field wide">
            <Label>{t.feed.url}</Label>
            <Input data-testid="feed-url" />
          </TextField>
          <Button className="button" onPress={() => navigator.clipboard?.writeText(create.data.url)}>
            {t.feed.copy}
          </Button>
        </div>
      )}
    </>
  );
}

function FeedTokens() {
  const { t, lang } = useI18n();
  const queries = useQueryClient();
  const tokens = useQuery({ queryKey: ['feed-tokens'], queryFn: async () => dataOf(await api.GET('/deadlines/feed-tokens')) });
  const revoke = useMutation({
    mutationFn: async (id: string) => dataOf(await api.DELETE('/deadlines/feed-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['feed-tokens'] }),
  });
  return (
    <>
      <h3>{t.feed.yourLinks}</h3>
      {tokens.isPending && <Loading />}
      {tokens.isError && <ErrorMessage error={tokens.error} retry={() => tokens.refetch()} />}
      {tokens.data && tokens.data.items.length === 0 && <Empty text={t.feed.none} />}
      {tokens.data && tokens.data.items.length > 0 && (
        <ul className="view-list">
          {tokens.data.items.map((token) => {
            const label = t.feed.linkLabel(token.scope === 'mine' ? t.feed.scopeMine : t.feed.scopeTenant, formatDateTime(token.createdAt, lang));
            return (
              <li key={token.id}>
                {label}{' '}
                {token.revokedAt ? (
                  <span className="muted">{t.feed.revokedAt(formatDateTime(token.revokedAt, lang))}</span>
                ) : (
                  <Button className="button small" onPress={() => revoke.mutate(token.id)} aria-label={t.feed.revokeNamed(label)}>
                    {t.feed.revoke}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
    </>
  );
}
