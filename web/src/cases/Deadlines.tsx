import { Empty, ErrorMessage, Loading } from '../app/states';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useCaseDeadlines } from './queries';

/** The case's deadlines: when, what, its status, and the rule with how the date was computed. */
export function Deadlines({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const deadlines = useCaseDeadlines(caseId);
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t.case.deadlines}</h2>
      {deadlines.isPending && <Loading />}
      {deadlines.isError && <ErrorMessage error={deadlines.error} retry={() => deadlines.refetch()} />}
      {deadlines.data?.deadlines.length === 0 && <Empty text={t.case.noDeadlines} />}
      {deadlines.data && deadlines.data.deadlines.length > 0 && (
        <ul className="deadlines">
          {deadlines.data.deadlines.map((deadline) => (
            <li key={deadline.key} className={`deadline ${deadline.status}`}>
              <p>
                <strong>
                  <time dateTime={deadline.date}>{formatDate(deadline.date, lang)}</time>
                </strong>{' '}
                {deadline.label} <span className="badge">{t.case.deadlineStatus[deadline.status]}</span>
              </p>
              <p className="muted">
                {t.case.deadlineRule(deadline.rule)}. {deadline.explanation[lang]}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
