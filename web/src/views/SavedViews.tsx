import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, Form, Input, Label, Link, TextField } from 'react-aria-components';
import { api, dataOf, type Schemas } from '../api/client';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { useAuth } from '../auth/auth';
import { useT } from '../i18n/i18n';

export type SavedView = Schemas['SavedViewDto'];
export type ViewColumn = SavedView['columns'][number];

/** The URL parameter that names a saved view: `/arenden?vy=<id>` opens it in any browser. */
export const VIEW_PARAM = 'vy';

/** The app's address of a saved view. */
export function viewPath(id: string): string {
  return `/arenden?${VIEW_PARAM}=${id}`;
}

/** A saved view by its id (from the URL), or nothing when there is no id. */
export function useSavedView(id: string | null) {
  return useQuery({
    queryKey: ['view', id],
    queryFn: async () => dataOf(await api.GET('/views/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/**
 * Saved views of the case list: the caller's own and those shared with the team, each a link;
 * saving the list as it is now (its query and columns), personal or shared; deleting one's own.
 */
export function SavedViewsPanel({ query, columns, current }: { query: Record<string, string>; columns: ViewColumn[]; current?: string }) {
  const t = useT();
  const views = useQuery({ queryKey: ['views'], queryFn: async () => dataOf(await api.GET('/views')) });
  return (
    <section aria-labelledby="views-heading" className="panel">
      <h2 id="views-heading">{t.views.heading}</h2>
      {views.isPending && <Loading />}
      {views.isError && <ErrorMessage error={views.error} retry={() => views.refetch()} />}
      {views.data && <ViewList views={views.data.items} current={current} />}
      <SaveView query={query} columns={columns} />
    </section>
  );
}

function ViewList({ views, current }: { views: SavedView[]; current?: string }) {
  const t = useT();
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: async (view: SavedView) =>
      dataOf(await api.DELETE('/views/{id}', { params: { path: { id: view.id }, header: { 'If-Match': `"${view.version}"` } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['views'] }),
  });
  if (views.length === 0) return <Empty text={t.views.none} />;
  return (
    <>
      <ul className="view-list">
        {views.map((view) => (
          <li key={view.id}>
            <Link href={viewPath(view.id)} aria-current={view.id === current ? 'page' : undefined}>
              {view.name}
            </Link>{' '}
            <span className="muted">{view.shared ? t.views.sharedBy(view.owner.name) : t.views.personal}</span>
            {view.mayChange && (
              <Button className="button small" onPress={() => remove.mutate(view)} aria-label={t.views.deleteNamed(view.name)}>
                {t.views.delete}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {remove.isError && <ErrorMessage error={remove.error} />}
    </>
  );
}

function SaveView({ query, columns }: { query: Record<string, string>; columns: ViewColumn[] }) {
  const t = useT();
  const auth = useAuth();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  // An organisation's representative has no team to share with.
  const mayShare = !auth.actor?.roles.every((role) => role === 'organisation');
  const save = useMutation({
    mutationFn: async () => dataOf(await api.POST('/views', { body: { name: name.trim(), shared: shared && mayShare, query, columns } })),
    onSuccess: async () => {
      setName('');
      await queries.invalidateQueries({ queryKey: ['views'] });
    },
  });
  return (
    <Form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <TextField value={name} onChange={setName} isRequired className="field" maxLength={100}>
        <Label>{t.views.name}</Label>
        <Input />
      </TextField>
      {mayShare && (
        <Checkbox isSelected={shared} onChange={setShared} className="choice">
          {t.views.share}
        </Checkbox>
      )}
      <Button type="submit" className="button primary" isDisabled={save.isPending}>
        {t.views.save}
      </Button>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.data && (
        <p role="status">
          {t.views.saved(save.data.name)} <Link href={viewPath(save.data.id)}>{t.views.linkToView}</Link>
        </p>
      )}
    </Form>
  );
}
