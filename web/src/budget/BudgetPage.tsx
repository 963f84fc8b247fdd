import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button, Link } from 'react-aria-components';
import { useSearchParams } from 'wouter';
import { api, dataOf, type Schemas } from '../api/client';
import { saveBlob } from '../app/download';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { formatKronor, todayInStockholm } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Amounts = Omit<Schemas['BudgetSumDto'], 'cases'>;
type Sum = Schemas['BudgetSumDto'];

/** Budget: a year's commitments per deciding body and per organisation, and the same as CSV. */
export default function BudgetPage() {
  const { t } = useI18n();
  usePageTitle(t.budget.title);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar') ?? todayInStockholm().slice(0, 4));
  const setYear = (next: number) => setParams({ ar: String(next) });
  const budget = useQuery({
    queryKey: ['budget', year],
    // JSON unless CSV is asked for (the route documents both media types, so the client's type is their union).
    queryFn: async () => dataOf(await api.GET('/budget', { params: { query: { year } } })) as Schemas['BudgetDto'],
  });
  return (
    <>
      <h1 tabIndex={-1}>{t.budget.title}</h1>
      <p>{t.budget.help}</p>
      <div className="toolbar" role="group" aria-label={t.budget.year}>
        <Button className="button" onPress={() => setYear(year - 1)}>
          {t.budget.previousYear}
        </Button>
        <h2 aria-live="polite">{t.budget.yearHeading(year)}</h2>
        <Button className="button" onPress={() => setYear(year + 1)}>
          {t.budget.nextYear}
        </Button>
        <CsvButton year={year} />
      </div>
      {budget.isPending && <Loading />}
      {budget.isError && <ErrorMessage error={budget.error} retry={() => budget.refetch()} />}
      {budget.data && <BudgetTables budget={budget.data} />}
    </>
  );
}

function CsvButton({ year }: { year: number }) {
  const { t } = useI18n();
  const download = useMutation({
    mutationFn: async () =>
      saveBlob(dataOf(await api.GET('/budget', { params: { query: { year, format: 'csv' } }, parseAs: 'blob' })) as Blob, `budget-${year}.csv`),
  });
  return (
    <>
      <Button className="button" onPress={() => download.mutate()} isDisabled={download.isPending}>
        {t.budget.csv}
      </Button>
      {download.isError && <ErrorMessage error={download.error} />}
    </>
  );
}

/** The four figures of a row as table cells, with the number of cases first when the row is a sum. */
function AmountCells({ sum }: { sum: Amounts & { cases?: number } }) {
  const { lang } = useI18n();
  return (
    <>
      {sum.cases !== undefined && <td className="number">{sum.cases}</td>}
      {([sum.planned, sum.paid, sum.outstanding, sum.overpaid] as const).map((amount, i) => (
        <td key={i} className="number">
          {formatKronor(amount, lang)}
        </td>
      ))}
    </>
  );
}

/** A table of sums (per body, per organisation): a row header naming what is summed, then the count and the figures. */
function SumSection({
  id,
  heading,
  nameHeader,
  rows,
}: {
  id: string;
  heading: string;
  nameHeader: string;
  rows: { key: string; name: ReactNode; sum: Sum }[];
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <DataTable
        label={heading}
        testId={id}
        headers={[nameHeader, t.budget.cases, t.budget.planned, t.budget.paid, t.budget.outstanding, t.budget.overpaid]}
        items={rows}
        rowKey={(row) => row.key}
        row={(row) => (
          <>
            <th scope="row">{row.name}</th>
            <AmountCells sum={row.sum} />
          </>
        )}
      />
    </section>
  );
}

function BudgetTables({ budget }: { budget: Schemas['BudgetDto'] }) {
  const { t, lang } = useI18n();
  if (budget.cases.length === 0) return <Empty text={t.budget.none(budget.year)} />;
  const bodies = budget.bodies.map((b) => ({ key: b.body.code, name: `${b.body.name} (${b.body.code})`, sum: b }));
  const organisations = budget.organisations.map(({ organisation: o, ...sum }) => ({
    key: `${o.name}/${o.organisationNumber}`,
    name: (
      <>
        {o.name} <span className="muted">{o.organisationNumber}</span>
      </>
    ),
    sum,
  }));
  return (
    <>
      <SumSection
        id="budget-bodies"
        heading={t.budget.perBody}
        nameHeader={t.budget.body}
        rows={[...bodies, { key: 'total', name: t.budget.total, sum: budget.total }]}
      />
      <SumSection id="budget-organisations" heading={t.budget.perOrganisation} nameHeader={t.budget.organisation} rows={organisations} />
      <section aria-labelledby="budget-cases">
        <h2 id="budget-cases">{t.budget.perCase}</h2>
        <p className="muted">{t.budget.notYetDecidedHelp(budget.notYetDecided.cases, formatKronor(budget.notYetDecided.planned, lang))}</p>
        <DataTable
          label={t.budget.perCase}
          testId="budget-cases"
          headers={[t.columns.diarienummer, t.budget.body, t.budget.organisation, t.budget.planned, t.budget.paid, t.budget.outstanding, t.budget.overpaid]}
          items={budget.cases}
          rowKey={(c) => c.caseId}
          row={(c) => (
            <>
              <th scope="row">
                <Link href={`/arenden/${c.caseId}`}>{c.diarienummer ?? t.worklist.notRegistered}</Link>
              </th>
              <td>{c.body ? c.body.name : t.budget.notYetDecided}</td>
              <td>{c.organisation.name}</td>
              <AmountCells sum={c} />
            </>
          )}
        />
      </section>
    </>
  );
}
