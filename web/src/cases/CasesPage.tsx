import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Input, Label, Link, SearchField, Text } from 'react-aria-components';
import { useSearch, useLocation } from 'wouter';
import { api, dataOf, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { useI18n } from '../i18n/i18n';
import { cellOf, ColumnChooser, columnsOf, DEFAULT_COLUMNS } from '../views/columns';
import { SavedViewsPanel, useSavedView, VIEW_PARAM, type SavedView, type ViewColumn } from '../views/SavedViews';

const PAGE_SIZE = 20;
const STAGES = ['application', 'preparation', 'decision', 'signing', 'active'] as const;
const SORTS = ['updated', 'diarienummer', 'organisation', 'received'] as const;

type Filters = { q: string; state: string; closed: string; sort: (typeof SORTS)[number]; order: 'asc' | 'desc'; offset: number; columns: ViewColumn[] };

/** The list's state lives in the URL, so a search can be bookmarked, shared and reloaded. */
function filtersOf(search: string): Filters {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') as Filters['sort'];
  return {
    q: params.get('q') ?? '',
    state: params.get('skede') ?? '',
    closed: params.get('status') ?? '',
    sort: SORTS.includes(sort) ? sort : 'updated',
    order: params.get('ordning') === 'asc' ? 'asc' : 'desc',
    offset: Math.max(0, Number(params.get('start')) || 0),
    columns: columnsOf(params.get('kolumner')),
  };
}

/** The list query a saved view keeps: GET /cases's own parameters, as strings. */
function viewQueryOf(filters: Filters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.q) query.q = filters.q;
  if (filters.state) query.state = filters.state;
  if (filters.closed) query.closed = String(filters.closed === 'closed');
  if (filters.sort !== 'updated') query.sort = filters.sort;
  if (filters.order !== 'desc') query.order = filters.order;
  return query;
}

/** A saved view's query and columns as the list's filters. */
function filtersOfView(view: SavedView): Filters {
  const { q, state, closed, sort, order } = view.query;
  return {
    q: q ?? '',
    state: state ?? '',
    closed: closed === 'true' ? 'closed' : closed === 'false' ? 'open' : '',
    sort: SORTS.includes(sort as Filters['sort']) ? (sort as Filters['sort']) : 'updated',
    order: order === 'asc' ? 'asc' : 'desc',
    offset: 0,
    columns: columnsOf(view.columns.join(',')),
  };
}

function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.state) params.set('skede', filters.state);
  if (filters.closed) params.set('status', filters.closed);
  if (filters.sort !== 'updated') params.set('sort', filters.sort);
  if (filters.order !== 'desc') params.set('ordning', filters.order);
  if (filters.offset) params.set('start', String(filters.offset));
  if (filters.columns.join(',') !== DEFAULT_COLUMNS.join(',')) params.set('kolumner', filters.columns.filter((c) => c !== 'diarienummer').join(','));
  return params.toString();
}

/** Ärenden: search by diarienummer or organisation, filter, sort and page through the caller's cases. */
export default function CasesPage() {
  const { t } = useI18n();
  usePageTitle(t.cases.title);
  const search = useSearch();
  const [, navigate] = useLocation();
  // A saved view's URL (`?vy=<id>`) shows the list as the view says; changing anything leaves the view.
  const viewId = new URLSearchParams(search).get(VIEW_PARAM);
  const view = useSavedView(viewId);
  const filters = view.data ? filtersOfView(view.data) : filtersOf(search);
  const go = (next: Filters) => navigate(`/arenden${searchOf(next) ? `?${searchOf(next)}` : ''}`);
  const cases = useQuery({
    queryKey: ['cases', filters],
    queryFn: async () =>
      dataOf(
        await api.GET('/cases', {
          params: {
            query: {
              q: filters.q || undefined,
              state: filters.state || undefined,
              closed: filters.closed === '' ? undefined : filters.closed === 'closed',
              sort: filters.sort,
              order: filters.order,
              limit: PAGE_SIZE,
              offset: filters.offset,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: viewId === null || view.isSuccess,
  });
  if (viewId !== null && view.isError) return <ErrorMessage error={view.error} retry={() => view.refetch()} />;
  if (viewId !== null && !view.data) return <Loading />;
  return (
    <>
      <h1 tabIndex={-1}>{t.cases.title}</h1>
      {view.data && <p className="view-banner">{t.views.opened(view.data.name)}</p>}
      <SearchAndFilters key={search} filters={filters} onApply={go} />
      <ColumnChooser columns={filters.columns} onChange={(columns) => go({ ...filters, columns })} />
      <SavedViewsPanel query={viewQueryOf(filters)} columns={filters.columns} current={viewId ?? undefined} />
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorMessage error={cases.error} retry={() => cases.refetch()} />}
      {cases.data && <CaseTable list={cases.data} filters={filters} onPage={(offset) => go({ ...filters, offset })} />}
    </>
  );
}

function SearchAndFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const set = (change: Partial<Filters>) => setDraft({ ...draft, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, offset: 0 });
  };
  return (
    <form role="search" aria-label={t.cases.searchLabel} onSubmit={submit} className="search-form">
      <SearchField value={draft.q} onChange={(q) => set({ q })} onSubmit={() => onApply({ ...draft, offset: 0 })} className="field wide">
        <Label>{t.cases.searchLabel}</Label>
        <Input />
        <Text slot="description" className="help">
          {t.cases.searchHelp}
        </Text>
      </SearchField>
      <fieldset className="filters">
        <legend>{t.cases.filters}</legend>
        <div className="field">
          <label htmlFor="filter-stage">{t.cases.stage}</label>
          <select id="filter-stage" value={draft.state} onChange={(e) => set({ state: e.target.value })}>
            <option value="">{t.cases.anyStage}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t.cases.stages[stage]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t.cases.status}</label>
          <select id="filter-status" value={draft.closed} onChange={(e) => set({ closed: e.target.value })}>
            <option value="">{t.cases.statusAll}</option>
            <option value="open">{t.cases.statusOpen}</option>
            <option value="closed">{t.cases.statusClosed}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t.cases.sort}</label>
          <select id="filter-sort" value={draft.sort} onChange={(e) => set({ sort: e.target.value as Filters['sort'] })}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t.cases.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-order">{t.cases.order}</label>
          <select id="filter-order" value={draft.order} onChange={(e) => set({ order: e.target.value as Filters['order'] })}>
            <option value="desc">{t.cases.orders.desc}</option>
            <option value="asc">{t.cases.orders.asc}</option>
          </select>
        </div>
      </fieldset>
      <Button type="submit" className="button primary">
        {t.cases.search}
      </Button>
    </form>
  );
}

type CaseList = Schemas['CaseListDto'];

function CaseTable({ list, filters, onPage }: { list: CaseList; filters: Filters; onPage: (offset: number) => void }) {
  const { t, lang } = useI18n();
  if (list.items.length === 0) return <Empty text={t.cases.empty} />;
  const from = list.offset + 1;
  const to = list.offset + list.items.length;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cases-caption">
        <table className="table">
          <caption id="cases-caption">{t.cases.caption(from, to, list.total)}</caption>
          <thead>
            <tr>
              {filters.columns.map((column) => (
                <th key={column} scope="col">
                  {t.columns[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link href={`/arenden/${item.id}`}>{cellOf('diarienummer', item, lang, t)}</Link>
                </th>
                {filters.columns
                  .filter((column) => column !== 'diarienummer')
                  .map((column) => (
                    <td key={column}>{cellOf(column, item, lang, t)}</td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t.cases.paging} className="paging">
        <Button className="button" isDisabled={filters.offset === 0} onPress={() => onPage(Math.max(0, filters.offset - PAGE_SIZE))}>
          {t.cases.previous}
        </Button>
        <Button className="button" isDisabled={to >= list.total} onPress={() => onPage(filters.offset + PAGE_SIZE)}>
          {t.cases.next}
        </Button>
      </nav>
    </>
  );
}
