import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useSearchParams } from 'wouter';
import { api, dataOf, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable, TableRegion } from '../app/TableRegion';
import { formatDate, todayInStockholm } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FeedSubscription } from './FeedSubscription';
import { addDays, addMonths, monthRange, weeksOf } from './month';

type Deadline = Schemas['CaseDeadlineDto'];
type Status = NonNullable<Deadline['status']>;
const STATUSES: Status[] = ['overdue', 'due-today', 'upcoming', 'passed', 'met'];

/** Tidsfrister: the deadlines of the caller's cases as a list or a month calendar; the calendar subscription. */
export default function DeadlinesPage() {
  const { t } = useI18n();
  usePageTitle(t.deadlines.title);
  const [params, setParams] = useSearchParams();
  const view = params.get('visa') === 'manad' ? 'month' : 'list';
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  const mine = params.get('mine') === 'true';
  return (
    <>
      <h1 tabIndex={-1}>{t.deadlines.title}</h1>
      <div className="toolbar">
        <RadioGroup
          value={view}
          onChange={(value) => set({ visa: value === 'month' ? 'manad' : null })}
          orientation="horizontal"
          className="choice-group inline"
        >
          <Label>{t.deadlines.show}</Label>
          <Radio value="list" className="choice">
            {t.deadlines.asList}
          </Radio>
          <Radio value="month" className="choice">
            {t.deadlines.asMonth}
          </Radio>
        </RadioGroup>
        <Checkbox isSelected={mine} onChange={(on) => set({ mine: on ? 'true' : null })} className="choice">
          {t.deadlines.onlyMine}
        </Checkbox>
      </div>
      {view === 'list' ? (
        <DeadlineList status={(params.get('status') as Status | null) ?? undefined} mine={mine} setStatus={(status) => set({ status })} />
      ) : (
        <MonthCalendar month={params.get('manad') ?? todayInStockholm().slice(0, 7)} mine={mine} setMonth={(month) => set({ manad: month })} />
      )}
      <FeedSubscription />
    </>
  );
}

function useDeadlines(query: { from: string; to: string; status?: Status; mine: boolean }) {
  return useQuery({
    queryKey: ['deadlines', query],
    queryFn: async () => dataOf(await api.GET('/deadlines', { params: { query: { ...query, limit: 1000 } } })),
  });
}

function DeadlineList({ status, mine, setStatus }: { status?: Status; mine: boolean; setStatus: (status: string | null) => void }) {
  const { t } = useI18n();
  const today = todayInStockholm();
  // Overdue, passed and met deadlines lie behind us: look back up to three years; the others ahead, 90 days.
  const behind = status === 'overdue' || status === 'passed' || status === 'met';
  const range = behind ? { from: addDays(today, -1095), to: today } : { from: today, to: addDays(today, 90) };
  const deadlines = useDeadlines({ ...range, status, mine });
  return (
    <section aria-labelledby="deadline-list-heading">
      <h2 id="deadline-list-heading">{t.deadlines.listHeading}</h2>
      <RadioGroup
        value={status ?? 'all'}
        onChange={(value) => setStatus(value === 'all' ? null : value)}
        orientation="horizontal"
        className="choice-group inline"
      >
        <Label>{t.deadlines.status}</Label>
        <Radio value="all" className="choice">
          {t.deadlines.allOpen}
        </Radio>
        {STATUSES.map((s) => (
          <Radio key={s} value={s} className="choice">
            {t.deadlineStatus[s]}
          </Radio>
        ))}
      </RadioGroup>
      {deadlines.isPending && <Loading />}
      {deadlines.isError && <ErrorMessage error={deadlines.error} retry={() => deadlines.refetch()} />}
      {deadlines.data && <DeadlineTable items={deadlines.data.items} />}
    </section>
  );
}

function DeadlineTable({ items }: { items: Deadline[] }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return <Empty text={t.deadlines.none} />;
  return (
    <DataTable
      label={t.deadlines.listHeading}
      headers={[t.deadlines.date, t.deadlines.what, t.columns.diarienummer, t.columns.organisationName, t.deadlines.status]}
      items={items}
      rowKey={(d) => `${d.caseId}/${d.key}`}
      row={(d) => (
        <>
          <td>{formatDate(d.date, lang)}</td>
          <td>
            {d.label}
            <br />
            <span className="muted">{d.explanation[lang]}</span>
          </td>
          <td>
            <Link href={`/arenden/${d.caseId}`}>{d.diarienummer ?? t.worklist.notRegistered}</Link>
          </td>
          <td>{d.organisationName}</td>
          <td>
            <span className={`status status-${d.status}`}>{t.deadlineStatus[d.status]}</span>
          </td>
        </>
      )}
    />
  );
}

function MonthCalendar({ month, mine, setMonth }: { month: string; mine: boolean; setMonth: (month: string) => void }) {
  const { t, lang } = useI18n();
  const deadlines = useDeadlines({ ...monthRange(month), mine });
  const byDay = new Map<string, Deadline[]>();
  for (const d of deadlines.data?.items ?? []) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  const title = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
  return (
    <section aria-labelledby="month-heading">
      <h2 id="month-heading">{title}</h2>
      <div className="toolbar">
        <Button className="button" onPress={() => setMonth(addMonths(month, -1))}>
          {t.deadlines.previousMonth}
        </Button>
        <Button className="button" onPress={() => setMonth(addMonths(month, 1))}>
          {t.deadlines.nextMonth}
        </Button>
      </div>
      {deadlines.isPending && <Loading />}
      {deadlines.isError && <ErrorMessage error={deadlines.error} retry={() => deadlines.refetch()} />}
      {deadlines.data && (
        <TableRegion label={title}>
          <table className="calendar">
            <caption className="visually-hidden">{t.deadlines.calendarCaption(title, deadlines.data.total)}</caption>
            <thead>
              <tr>
                {t.deadlines.weekdays.map((day) => (
                  <th key={day} scope="col">
                    {day}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(month).map((week) => (
                <tr key={week.find((d) => d) ?? ''}>
                  {week.map((day, index) => (
                    <td key={day ?? `empty-${index}`} className={day === deadlines.data.today ? 'today' : undefined}>
                      {day && (
                        <>
                          <span className="day-number">{Number(day.slice(8))}</span>
                          <ul className="day-items">
                            {(byDay.get(day) ?? []).map((d) => (
                              <li key={`${d.caseId}/${d.key}`}>
                                <Link href={`/arenden/${d.caseId}`}>
                                  {d.diarienummer ?? ''} {d.label}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
