import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { api, ApiError, dataOf, type ErrorBody, type Schemas } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { useAuth } from '../auth/auth';
import { formatCount, formatDate, formatPercent, percentInput } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Catalogue } from '../i18n/sv';
import { isCalendarDate, isOrganisationNumber, isWholeNumber } from '../organisation/checks';
import { Field } from '../organisation/Field';

type ReferenceData = Schemas['ReferenceDataDto'];
type Answer = { data?: ReferenceData; error?: unknown; response: Response };
const QUERY_KEY = ['reference-data'];

/**
 * Referensdata: the municipality, its deciding bodies, its inhabitants per year and its index
 * series with every published value (forecast or final, each version kept). Everyone of the
 * municipality reads it; its administrators change it here, each change through the API.
 */
export default function ReferenceDataPage() {
  const { t } = useI18n();
  usePageTitle(t.referenceData.title);
  const auth = useAuth();
  const data = useQuery({ queryKey: QUERY_KEY, queryFn: async () => dataOf(await api.GET('/reference-data')) });
  const admin = auth.has('admin');
  return (
    <>
      <h1 tabIndex={-1}>{t.referenceData.title}</h1>
      <p>{admin ? t.referenceData.introAdmin : t.referenceData.intro}</p>
      {data.isPending && <Loading />}
      {data.isError && <ErrorMessage error={data.error} retry={() => data.refetch()} />}
      {data.data && (
        <>
          <Municipality data={data.data} admin={admin} />
          <Bodies data={data.data} admin={admin} />
          <Inhabitants data={data.data} admin={admin} />
          <IndexSeries data={data.data} admin={admin} />
        </>
      )}
    </>
  );
}

/** The service's field errors, by field, in Swedish where the page has its own words for the field. */
function fieldErrors(error: unknown, messages: Record<string, string>): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.body?.details as { fields?: { field: string; messages: string[] }[] } | undefined)?.fields ?? [];
  return Object.fromEntries(fields.map(({ field, messages: theirs }) => [field, messages[field] ?? theirs.join(' ')]));
}

/**
 * A change of the reference data as a form: sent with If-Match (the revision on screen), the
 * answer (the whole reference data) replaces what is shown; refused fields are marked next to
 * the field, anything else above the button.
 */
function ChangeForm({
  label,
  submit,
  send,
  messages,
  children,
  onDone,
}: {
  label: string;
  submit: string;
  send: (ifMatch: string) => Promise<Answer>;
  /** The page's own words for a field the service refuses. */
  messages: Record<string, string>;
  children: ReactNode;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const revision = queries.getQueryData<ReferenceData>(QUERY_KEY)?.revision ?? '0';
  const change = useMutation({
    mutationFn: async () => dataOf(await send(`"${revision}"`)),
    onSuccess: (data) => {
      queries.setQueryData(QUERY_KEY, data);
      onDone?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) return queries.invalidateQueries({ queryKey: QUERY_KEY });
    },
  });
  const refused = change.error instanceof ApiError ? change.error : null;
  const fields = fieldErrors(change.error, messages);
  return (
    <Form
      aria-label={label}
      className="reference-form"
      validationErrors={fields}
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate();
      }}
    >
      {children}
      {change.isError && Object.keys(fields).length === 0 && (
        <ErrorMessage error={refused?.status === 412 ? new ApiError(412, { message: t.referenceData.stale } as ErrorBody) : change.error} />
      )}
      {change.isError && Object.keys(fields).length > 0 && (
        <p role="alert" className="field-error">
          {t.form.invalid}
        </p>
      )}
      {change.isSuccess && (
        <p role="status" className="verdict ok">
          {t.referenceData.saved}
        </p>
      )}
      <Button type="submit" className="button primary" isDisabled={change.isPending}>
        {submit}
      </Button>
    </Form>
  );
}

/** Text fields' values as state, with the props a Field takes. */
function useValues<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  const field = (name: K) => ({ name, value: values[name], onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })) });
  return { values, field, reset: () => setValues(initial) };
}

function Choices<T extends string>({ label, value, onChange, options }: { label: string; value: T; onChange: (value: T) => void; options: Record<T, string> }) {
  return (
    <RadioGroup value={value} onChange={(v) => onChange(v as T)} className="choice-group">
      <Label>{label}</Label>
      {(Object.entries(options) as [T, string][]).map(([option, text]) => (
        <Radio key={option} value={option} className="choice">
          {text}
        </Radio>
      ))}
    </RadioGroup>
  );
}

function useChecks(t: Catalogue) {
  return {
    orgNumber: (v: string) => (isOrganisationNumber(v) ? undefined : t.checks.organisationNumber),
    whole: (v: string) => (isWholeNumber(v) ? undefined : t.checks.wholeNumber),
    date: (v: string) => (isCalendarDate(v) ? undefined : t.checks.date),
    year: (v: string) => (/^\d{4}$/.test(v.trim()) ? undefined : t.checks.year),
    percent: (v: string) => (percentInput(v) ? undefined : t.checks.percent),
    code: (v: string) => (/^[A-ZÅÄÖ0-9-]{1,20}$/.test(v.trim()) ? undefined : t.checks.code),
  };
}

function Municipality({ data, admin }: { data: ReferenceData; admin: boolean }) {
  const { t } = useI18n();
  const checks = useChecks(t);
  const { values, field } = useValues({ name: data.municipality?.name ?? '', organisationNumber: data.municipality?.organisationNumber ?? '' });
  return (
    <section aria-labelledby="municipality-heading" className="panel">
      <h2 id="municipality-heading">{t.referenceData.municipality}</h2>
      {data.municipality ? (
        <dl className="facts">
          <div>
            <dt>{t.referenceData.name}</dt>
            <dd>{data.municipality.name}</dd>
          </div>
          <div>
            <dt>{t.referenceData.organisationNumber}</dt>
            <dd>{data.municipality.organisationNumber}</dd>
          </div>
        </dl>
      ) : (
        <Empty text={t.referenceData.noMunicipality} />
      )}
      {admin && (
        <ChangeForm
          label={t.referenceData.changeMunicipality}
          submit={t.referenceData.save}
          messages={{ organisationNumber: t.checks.organisationNumber }}
          send={(ifMatch) =>
            api.PUT('/reference-data/municipality', {
              body: { name: values.name.trim(), organisationNumber: values.organisationNumber.trim() },
              headers: { 'If-Match': ifMatch },
            })
          }
        >
          <Field {...field('name')} label={t.referenceData.name} isRequired />
          <Field {...field('organisationNumber')} label={t.referenceData.organisationNumber} isRequired check={checks.orgNumber} />
        </ChangeForm>
      )}
    </section>
  );
}

type Separator = '/' | '-' | 'none';

function Bodies({ data, admin }: { data: ReferenceData; admin: boolean }) {
  const { t, lang } = useI18n();
  const checks = useChecks(t);
  const { values, field, reset } = useValues({ code: '', name: '', digits: '4' });
  const [kind, setKind] = useState<Schemas['BodyInputDto']['kind']>('board');
  const [separator, setSeparator] = useState<Separator>('/');
  return (
    <section aria-labelledby="bodies-heading" className="panel">
      <h2 id="bodies-heading">{t.referenceData.bodies}</h2>
      {data.bodies.length === 0 ? (
        <Empty text={t.referenceData.noBodies} />
      ) : (
        <DataTable
          label={t.referenceData.bodies}
          testId="bodies"
          headers={[t.referenceData.code, t.referenceData.name, t.referenceData.kind, t.referenceData.diarium]}
          items={data.bodies}
          rowKey={(body) => body.code}
          row={(body) => (
            <>
              <th scope="row">{body.code}</th>
              <td>{body.name}</td>
              <td>{t.enums[body.kind]}</td>
              <td>
                {body.diarium && body.example
                  ? t.referenceData.diariumExample(body.example, formatCount(body.diarium.digits, lang))
                  : t.referenceData.noDiarium}
              </td>
            </>
          )}
        />
      )}
      {admin && (
        <ChangeForm
          label={t.referenceData.setBody}
          submit={t.referenceData.saveBody}
          messages={{ code: t.checks.code, 'diarium.digits': t.checks.wholeNumber }}
          onDone={reset}
          send={(ifMatch) =>
            api.PUT('/reference-data/bodies/{code}', {
              params: { path: { code: values.code.trim() } },
              body: {
                name: values.name.trim(),
                kind,
                diarium: separator === 'none' || kind === 'committee' ? null : { separator, digits: Number(values.digits) },
              },
              headers: { 'If-Match': ifMatch },
            })
          }
        >
          <p className="muted">{t.referenceData.setBodyHelp}</p>
          <Field {...field('code')} label={t.referenceData.code} description={t.referenceData.codeHelp} isRequired check={checks.code} />
          <Field {...field('name')} label={t.referenceData.name} isRequired />
          <Choices
            label={t.referenceData.kind}
            value={kind}
            onChange={setKind}
            options={{ board: t.enums.board, committee: t.enums.committee, council: t.enums.council }}
          />
          {kind !== 'committee' && (
            <>
              <Choices label={t.referenceData.separator} value={separator} onChange={setSeparator} options={t.referenceData.separators} />
              {separator !== 'none' && (
                <Field
                  {...field('digits')}
                  name="diarium.digits"
                  label={t.referenceData.digits}
                  description={t.referenceData.digitsHelp}
                  isRequired
                  check={checks.whole}
                />
              )}
            </>
          )}
        </ChangeForm>
      )}
    </section>
  );
}

function Inhabitants({ data, admin }: { data: ReferenceData; admin: boolean }) {
  const { t, lang } = useI18n();
  const checks = useChecks(t);
  const { values, field, reset } = useValues({ year: '', count: '', asOf: '' });
  return (
    <section aria-labelledby="inhabitants-heading" className="panel">
      <h2 id="inhabitants-heading">{t.referenceData.inhabitants}</h2>
      {data.inhabitants.length === 0 ? (
        <Empty text={t.referenceData.noInhabitants} />
      ) : (
        <DataTable
          label={t.referenceData.inhabitants}
          testId="inhabitants"
          headers={[t.referenceData.year, t.referenceData.count, t.referenceData.asOf]}
          items={data.inhabitants}
          rowKey={(figure) => String(figure.year)}
          row={(figure) => (
            <>
              <th scope="row">{figure.year}</th>
              <td className="number">{formatCount(figure.count, lang)}</td>
              <td>
                <time dateTime={figure.asOf}>{formatDate(figure.asOf, lang)}</time>
              </td>
            </>
          )}
        />
      )}
      {admin && (
        <ChangeForm
          label={t.referenceData.setInhabitants}
          submit={t.referenceData.save}
          messages={{ year: t.checks.year, count: t.checks.wholeNumber, asOf: t.checks.date }}
          onDone={reset}
          send={(ifMatch) =>
            api.PUT('/reference-data/inhabitants/{year}', {
              params: { path: { year: values.year.trim() } },
              body: { count: Number(values.count.trim()), asOf: values.asOf },
              headers: { 'If-Match': ifMatch },
            })
          }
        >
          <Field {...field('year')} label={t.referenceData.year} isRequired check={checks.year} />
          <Field {...field('count')} label={t.referenceData.count} isRequired check={checks.whole} />
          <Field {...field('asOf')} type="date" label={t.referenceData.asOf} description={t.referenceData.asOfHelp} isRequired check={checks.date} />
        </ChangeForm>
      )}
    </section>
  );
}

function IndexSeries({ data, admin }: { data: ReferenceData; admin: boolean }) {
  const { t } = useI18n();
  const checks = useChecks(t);
  const { values, field, reset } = useValues({ code: '', name: '' });
  return (
    <section aria-labelledby="index-heading" className="panel">
      <h2 id="index-heading">{t.referenceData.indexSeries}</h2>
      {data.indexSeries.length === 0 && <Empty text={t.referenceData.noIndexSeries} />}
      {data.indexSeries.map((series) => (
        <Series key={series.code} series={series} admin={admin} />
      ))}
      {admin && (
        <ChangeForm
          label={t.referenceData.setSeries}
          submit={t.referenceData.saveSeries}
          messages={{ code: t.checks.code }}
          onDone={reset}
          send={(ifMatch) =>
            api.PUT('/reference-data/index-series/{code}', {
              params: { path: { code: values.code.trim() } },
              body: { name: values.name.trim() },
              headers: { 'If-Match': ifMatch },
            })
          }
        >
          <h3>{t.referenceData.setSeries}</h3>
          <Field {...field('code')} label={t.referenceData.code} description={t.referenceData.seriesCodeHelp} isRequired check={checks.code} />
          <Field {...field('name')} label={t.referenceData.name} isRequired />
        </ChangeForm>
      )}
    </section>
  );
}

/** A series and every version of every year's value: the current one marked, earlier ones kept as history. */
function Series({ series, admin }: { series: Schemas['IndexSeriesDto']; admin: boolean }) {
  const { t, lang } = useI18n();
  const checks = useChecks(t);
  const { values, field, reset } = useValues({ year: '', percent: '', publishedOn: '' });
  const [status, setStatus] = useState<Schemas['IndexValueInputDto']['status']>('forecast');
  const heading = `${series.code} – ${series.name}`;
  return (
    <section aria-labelledby={`series-${series.code}`} className="index-series">
      <h3 id={`series-${series.code}`}>{heading}</h3>
      {series.values.length === 0 ? (
        <Empty text={t.referenceData.noValues} />
      ) : (
        <DataTable
          label={t.referenceData.historyOf(series.code)}
          testId={`index-${series.code}`}
          headers={[
            t.referenceData.year,
            t.referenceData.change,
            t.referenceData.status,
            t.referenceData.publishedOn,
            t.referenceData.version,
            t.referenceData.use,
          ]}
          items={series.values}
          rowKey={(value) => `${value.year}-${value.version}`}
          row={(value) => (
            <>
              <th scope="row">{value.year}</th>
              <td className="number">{formatPercent(value.percent, lang)}</td>
              <td>{t.referenceData.statuses[value.status]}</td>
              <td>
                <time dateTime={value.publishedOn}>{formatDate(value.publishedOn, lang)}</time>
              </td>
              <td className="number">{value.version}</td>
              <td>{value.current ? t.referenceData.current : t.referenceData.superseded}</td>
            </>
          )}
        />
      )}
      {admin && (
        <ChangeForm
          label={t.referenceData.publishValue(series.code)}
          submit={t.referenceData.publish}
          messages={{ year: t.checks.year, percent: t.checks.percent, publishedOn: t.checks.date }}
          onDone={reset}
          send={(ifMatch) =>
            api.POST('/reference-data/index-series/{code}/values', {
              params: { path: { code: series.code } },
              body: { year: Number(values.year.trim()), percent: percentInput(values.percent) ?? values.percent, status, publishedOn: values.publishedOn },
              headers: { 'If-Match': ifMatch },
            })
          }
        >
          <h4>{t.referenceData.publishValue(series.code)}</h4>
          <p className="muted">{t.referenceData.publishHelp}</p>
          <Field {...field('year')} label={t.referenceData.year} isRequired check={checks.year} />
          <Field {...field('percent')} label={t.referenceData.changePercent} description={t.referenceData.percentHelp} isRequired check={checks.percent} />
          <Choices label={t.referenceData.status} value={status} onChange={setStatus} options={t.referenceData.statuses} />
          <Field {...field('publishedOn')} type="date" label={t.referenceData.publishedOn} isRequired check={checks.date} />
        </ChangeForm>
      )}
    </section>
  );
}
