import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-aria-components';
import { api, dataOf } from '../api/client';
import { usePageTitle } from '../app/page';
import { Empty, ErrorMessage, Loading } from '../app/states';
import { DataTable } from '../app/TableRegion';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/**
 * Organisationens sidor: the representative's own organisation's cases (the service shows no
 * others), what each waits for from the organisation (signing, annual reports, the report back:
 * given on the case page), and a new application.
 */
export default function OrganisationPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.organisation.title);
  const cases = useQuery({ queryKey: ['cases', 'own'], queryFn: async () => dataOf(await api.GET('/cases', { params: { query: { limit: 200 } } })) });
  const waiting = useQuery({ queryKey: ['worklist', false], queryFn: async () => dataOf(await api.GET('/worklist', { params: { query: { limit: 200 } } })) });
  const commandsOf = new Map((waiting.data?.items ?? []).map((item) => [item.id, item.commands]));
  return (
    <>
      <h1 tabIndex={-1}>{t.organisation.title}</h1>
      <p>
        <Link href="/organisation/ny-ansokan" className="button primary">
          {t.organisation.newApplication}
        </Link>
      </p>
      <section aria-labelledby="own-cases-heading">
        <h2 id="own-cases-heading">{t.organisation.casesHeading}</h2>
        {cases.isPending && <Loading />}
        {cases.isError && <ErrorMessage error={cases.error} retry={() => cases.refetch()} />}
        {cases.data && cases.data.items.length === 0 && <Empty text={t.organisation.noCases} />}
        {cases.data && cases.data.items.length > 0 && (
          <DataTable
            label={t.organisation.casesHeading}
            testId="own-cases"
            headers={[t.columns.diarienummer, t.columns.organisationName, t.columns.stateLabel, t.columns.receivedOn, t.organisation.waitingOnYou]}
            items={cases.data.items}
            rowKey={(c) => c.id}
            row={(c) => (
              <>
                <th scope="row">
                  <Link href={`/arenden/${c.id}`}>{c.diarienummer ?? t.organisation.notYetRegistered}</Link>
                </th>
                <td>{c.organisationName}</td>
                <td>{c.stateLabel[lang]}</td>
                <td>{c.receivedOn ? formatDate(c.receivedOn, lang) : ''}</td>
                <td>
                  {(commandsOf.get(c.id) ?? []).map((command) => t.commands[command]).join(', ') || <span className="muted">{t.organisation.nothing}</span>}
                </td>
              </>
            )}
          />
        )}
      </section>
    </>
  );
}
