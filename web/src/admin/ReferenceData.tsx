import { useQuery } from '@tanstack/react-query';
import { api, dataOf, type Schemas } from '../api/client';
import { DataTable } from '../app/TableRegion';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * The municipality's reference data as the engine holds it (GET /reference-data): who it is, its
 * bodies with their diarium format, inhabitants, and every index value with its history. Read
 * here; changed through the API (`PUT /reference-data/…`, see README).
 */
export function ReferenceData() {
  const { t } = useI18n();
  const data = useQuery({ queryKey: ['reference-data'], queryFn: async () => dataOf(await api.GET('/reference-data')) });
  return (
    <section aria-labelledby="reference-data-heading" className="panel">
      <h2 id="reference-data-heading">{t.admin.referenceData.heading}</h2>
      <p>{t.admin.referenceData.help}</p>
      {data.isPending && <Loading />}
      {data.isError && <ErrorMessage error={data.error} retry={() => data.refetch()} />}
      {data.data && <Tables data={data.data} />}
    </section>
  );
}

function Tables({ data }: { data: Schemas['ReferenceDataDto'] }) {
  const { t, lang } = useI18n();
  const r = t.admin.referenceData;
  return (
    <>
      <p>{data.municipality ? r.municipality(data.municipality.name, data.municipality.organisationNumber) : r.notSetUp}</p>
      <h3>{r.bodies}</h3>
      {data.bodies.length === 0 ? (
        <Empty text={r.none} />
      ) : (
        <DataTable
          label={r.bodies}
          headers={[r.code, r.name, r.kind, r.diarium]}
          items={data.bodies}
          rowKey={(body) => body.code}
          row={(body) => (
            <>
              <th scope="row">{body.code}</th>
              <td>{body.name}</td>
              <td>{t.enums[body.kind]}</td>
              <td>{body.example ?? r.noDiarium}</td>
            </>
          )}
        />
      )}
      <h3>{r.inhabitants}</h3>
      {data.inhabitants.length === 0 ? (
        <Empty text={r.none} />
      ) : (
        <DataTable
          label={r.inhabitants}
          headers={[r.year, r.count, r.asOf]}
          items={data.inhabitants}
          rowKey={(figure) => String(figure.year)}
          row={(figure) => (
            <>
              <th scope="row">{figure.year}</th>
              <td>{new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(figure.count)}</td>
              <td>{formatDate(figure.asOf, lang)}</td>
            </>
          )}
        />
      )}
      {data.indexSeries.map((series) => (
        <div key={series.code}>
          <h3>{r.series(series.code, series.name)}</h3>
          <DataTable
            label={r.series(series.code, series.name)}
            headers={[r.year, r.percent, r.status, r.publishedOn, r.version]}
            items={series.values}
            rowKey={(value) => `${value.year}/${value.version}`}
            row={(value) => (
              <>
                <th scope="row">{value.year}</th>
                <td>{lang === 'sv' ? `${value.percent.replace('.', ',')} %` : `${value.percent} %`}</td>
                <td>{r.statuses[value.status]}</td>
                <td>{formatDate(value.publishedOn, lang)}</td>
                <td>{value.current ? r.current(value.version) : r.superseded(value.version)}</td>
              </>
            )}
          />
        </div>
      ))}
    </>
  );
}
