import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import { api, dataOf, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ReassignDialog } from './ReassignDialog';

/** Att göra: the cases waiting on me (what my roles may do now), by due date; my deadlines; open cases per stage. */
export default function WorklistPage() {
  const { t } = useI18n();
  usePageTitle(t.worklist.title);
  const [mine, setMine] = useState(false);
  const worklist = useQuery({
    queryKey: ['worklist', mine],
    queryFn: async () => dataOf(await api.GET('/worklist', { params: { query: { mine, limit: 100 } } })),
  });
  return (
    <>
      <h1 tabIndex={-1}>{t.worklist.title}</h1>
      {worklist.isPending && <Loading />}
      {worklist.isError && <ErrorMessage error={worklist.error} retry={() => worklist.refetch()} />}
      {worklist.data && (
        <>
          <MyDeadlines counts={worklist.data.deadlines} />
          <Stages stages={worklist.data.stages} />
          <section aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">{t.worklist.waitingHeading(worklist.data.total)}</h2>
            <Checkbox isSelected={mine} onChange={setMine} className="choice">
              {t.worklist.onlyMine}
            </Checkbox>
            <WaitingCases items={worklist.data.items} />
          </section>
        </>
      )}
    </>
  );
}

function MyDeadlines({ counts }: { counts: Schemas['MyDeadlineCountsDto'] }) {
  const t = useI18n().t;
  const rows = [
    { key: 'overdue', label: t.worklist.overdue, count: counts.overdue },
    { key: 'due-today', label: t.worklist.dueToday, count: counts.dueToday },
    { key: 'upcoming', label: t.worklist.upcoming(counts.upcomingDays), count: counts.upcoming },
  ];
  return (
    <section aria-labelledby="my-deadlines-heading" className="panel">
      <h2 id="my-deadlines-heading">{t.worklist.myDeadlines}</h2>
      <ul className="counts">
        {rows.map((row) => (
          <li key={row.key}>
            <Link href={`/tidsfrister?status=${row.key}&mine=true`}>
              <span className="count">{row.count}</span> {row.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Stages({ stages }: { stages: Schemas['StageCountDto'][] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="stages-heading" className="panel">
      <h2 id="stages-heading">{t.worklist.stages}</h2>
      {stages.length === 0 ? (
        <Empty text={t.worklist.noOpenCases} />
      ) : (
        <ul className="counts">
          {stages.map((stage) => (
            <li key={stage.stage}>
              <Link href={`/arenden?state=${encodeURIComponent(stage.stage)}&closed=false`}>
                <span className="count">{stage.count}</span> {stage.label[lang]}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WaitingCases({ items }: { items: Schemas['WorklistItemDto'][] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <Empty text={t.worklist.nothingWaiting} />;
  return (
    <DataTable
      label={t.worklist.waitingTable}
      headers={[t.columns.diarienummer, t.columns.organisationName, t.columns.stateLabel, t.worklist.nextDeadline, t.worklist.youCan, t.columns.officerName]}
      items={items}
      rowKey={(item) => item.id}
      row={(item) => (
        <>
          <th scope="row">
            <Link href={`/arenden/${item.id}`}>{item.diarienummer ?? t.worklist.notRegistered}</Link>
          </th>
          <td>{item.organisationName}</td>
          <td>{item.stateLabel[lang]}</td>
          <td>
            {item.nextDeadline ? (
              <>
                {formatDate(item.nextDeadline.date, lang)}{' '}
                <span className={`status status-${item.nextDeadline.status}`}>{t.deadlineStatus[item.nextDeadline.status]}</span>
                <br />
                <span className="muted">{item.nextDeadline.label}</span>
              </>
            ) : (
              <span className="muted">{t.worklist.noDeadline}</span>
            )}
          </td>
          <td>{item.commands.map((command) => t.commands[command]).join(', ')}</td>
          <td>
            {item.assignedToMe ? t.worklist.you : (item.officerName ?? t.worklist.noOfficer)}
            {item.reassignable && <ReassignDialog caseId={item.id} diarienummer={item.diarienummer} revision={item.revision} />}
          </td>
        </>
      )}
    />
  );
}
