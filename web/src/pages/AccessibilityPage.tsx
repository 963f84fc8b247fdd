import { usePageTitle } from '../app/page';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** When the statement was last assessed; kept beside the text it dates. */
const ASSESSED_ON = '2026-12-02';
const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/**
 * The accessibility statement, following DIGG's model for lagen (2018:1937) om tillgänglighet till
 * digital offentlig service: who provides the service, how accessible it is, the known gaps and
 * why, how it was assessed and when, how to give feedback, and DIGG's reporting form. Linked from
 * every page and open without signing in.
 */
export default function AccessibilityPage() {
  const { t, lang } = useI18n();
  const s = t.accessibility;
  usePageTitle(s.title);
  return (
    <article className="statement">
      <h1 tabIndex={-1}>{s.title}</h1>
      <p>{s.intro}</p>
      <section aria-labelledby="a11y-provider">
        <h2 id="a11y-provider">{s.providerHeading}</h2>
        <p>{s.provider}</p>
      </section>
      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">{s.statusHeading}</h2>
        <p>{s.status}</p>
      </section>
      <section aria-labelledby="a11y-gaps">
        <h2 id="a11y-gaps">{s.gapsHeading}</h2>
        <p>{s.gapsIntro}</p>
        <ul>
          {s.gaps.map((gap) => (
            <li key={gap.what}>
              <strong>{gap.what}</strong> {gap.why}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{s.feedbackHeading}</h2>
        <p>{s.feedback}</p>
      </section>
      <section aria-labelledby="a11y-enforcement">
        <h2 id="a11y-enforcement">{s.enforcementHeading}</h2>
        <p>
          {s.enforcement} <a href={DIGG_REPORT_URL}>{s.diggLink}</a>
        </p>
      </section>
      <section aria-labelledby="a11y-method">
        <h2 id="a11y-method">{s.methodHeading}</h2>
        <p>{s.method}</p>
        <p>{s.assessed(formatDate(ASSESSED_ON, lang))}</p>
      </section>
    </article>
  );
}
