import { useState } from 'react';
import { Disclosure, DisclosurePanel, Heading, Button, Link } from 'react-aria-components';
import { useParams, useRoute, useSearch } from 'wouter';
import { ApiError, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { useRenderedMark } from '../app/perf';
import { ErrorMessage, Loading } from '../app/states';
import { CommandForm } from '../forms/CommandForm';
import { useOpenApi, type OpenApiDocument } from '../forms/schema';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { NotFoundPage } from '../pages/NotFoundPage';
import { Deadlines } from './Deadlines';
import { Documents } from './Documents';
import { FactsView } from './Facts';
import { History } from './History';
import { MoneyView } from './Money';
import { useCase, useHistory, useStatechart, type PointInTime } from './queries';
import { Statechart, withAncestors } from './Statechart';

type CaseView = Schemas['CaseViewDto'];

function pointInTimeOf(search: string): PointInTime {
  const params = new URLSearchParams(search);
  const revision = params.get('version');
  const date = params.get('datum');
  return { ...(revision !== null && /^\d+$/.test(revision) && { revision: Number(revision) }), ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && { date }) };
}

/**
 * Ärende: the case now, or as it was after a revision (`?version=7`) or at the end of a day
 * (`?datum=2017-12-11`), clearly marked and read-only; the overview or its history (`/historik`).
 */
export default function CasePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const [historyTab] = useRoute('/arenden/:id/historik');
  const search = useSearch();
  const at = pointInTimeOf(search);
  const historical = at.revision !== undefined || at.date !== undefined;
  const view = useCase(id, at);
  const history = useHistory(id);
  const chart = useStatechart(view.data?.machine);
  useRenderedMark(historyTab ? 'history' : 'overview', !!view.data && !!history.data && (historyTab || !!chart.data));
  if (view.isError && view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400)) return <NotFoundPage />;
  if (view.isError) return <ErrorMessage error={view.error} retry={() => view.refetch()} />;
  if (!view.data) return <Loading />;
  const entries = history.data?.events ?? [];
  const shownEntries = historical ? entries.filter((e) => BigInt(e.revision) <= BigInt(view.data.revision)) : entries;
  return (
    <>
      <CaseHeader view={view.data} at={at} />
      <nav aria-label={t.case.tabs} className="tabs">
        <TabLink href={`/arenden/${id}${historical ? `?${search}` : ''}`} current={!historyTab} label="overview" />
        <TabLink href={`/arenden/${id}/historik`} current={historyTab} label="history" />
      </nav>
      {historyTab ? (
        history.data ? (
          <History caseId={id} entries={entries} />
        ) : (
          <Loading />
        )
      ) : (
        <Overview view={view.data} historical={historical} visitedPaths={shownEntries.flatMap((e) => [...e.stateBefore.paths, ...e.stateAfter.paths])} />
      )}
    </>
  );
}

function TabLink({ href, current, label }: { href: string; current: boolean; label: 'overview' | 'history' }) {
  const { t } = useI18n();
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className="tab">
      {t.case[label]}
    </Link>
  );
}

function CaseHeader({ view, at }: { view: CaseView; at: PointInTime }) {
  const { t, lang } = useI18n();
  const title = view.diarienummer ? t.case.title(view.diarienummer) : t.case.unregistered;
  usePageTitle(title);
  const organisation = view.facts.organisation;
  return (
    <header className="case-header">
      <h1 tabIndex={-1}>{title}</h1>
      {organisation && (
        <p className="lead">
          {organisation.name} <span className="muted">({organisation.organisationNumber})</span>
        </p>
      )}
      <p>
        <span className="muted">{t.case.stage}:</span> <strong className="stage">{view.state.label[lang]}</strong>
        {view.state.closed && <span className="badge">{t.case.closed}</span>} <span className="muted">· {t.case.revision(view.revision)}</span>
      </p>
      {(at.revision !== undefined || at.date) && (
        <div className="historical-banner" role="note">
          <p>{t.case.historical(at.date ? t.case.historicalOnDate(formatDate(at.date, lang)) : t.case.historicalAtRevision(String(at.revision)))}</p>
          <Link href={`/arenden/${view.id}`}>{t.case.backToNow}</Link>
        </div>
      )}
    </header>
  );
}

function Overview({ view, historical, visitedPaths }: { view: CaseView; historical: boolean; visitedPaths: string[] }) {
  const chart = useStatechart(view.machine);
  return (
    <>
      {!historical && <Actions view={view} />}
      {chart.data && <Statechart chart={chart.data} current={withAncestors(view.state.paths)} visited={withAncestors(visitedPaths)} />}
      <MoneyView money={view.money} terms={view.facts.terms} />
      <FactsView facts={view.facts} />
      {!historical && <Deadlines caseId={view.id} />}
      {!historical && <Documents caseId={view.id} />}
    </>
  );
}

/** What the person may do now: each allowed command, its form behind a disclosure. */
function Actions({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const openApi = useOpenApi();
  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h2 id="actions-heading">{t.case.actions}</h2>
      {view.allowedCommands.length === 0 && <p className="muted">{t.case.noActions}</p>}
      {openApi.isError && <ErrorMessage error={openApi.error} retry={() => openApi.refetch()} />}
      {openApi.data && view.allowedCommands.map((command) => <CommandDisclosure key={command} document={openApi.data} view={view} command={command} />)}
    </section>
  );
}

/** A command's form, made the first time it is opened (and kept, with what was typed, when closed). */
function CommandDisclosure({ document, view, command }: { document: OpenApiDocument; view: CaseView; command: string }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <Disclosure className="disclosure" onExpandedChange={(expanded) => expanded && setOpened(true)}>
      <Heading level={3}>
        <Button slot="trigger" className="disclosure-trigger">
          {t.commands[command] ?? command}
        </Button>
      </Heading>
      <DisclosurePanel>{opened && <CommandForm document={document} caseId={view.id} command={command} revision={view.revision} />}</DisclosurePanel>
    </Disclosure>
  );
}
