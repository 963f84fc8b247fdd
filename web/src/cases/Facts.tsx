import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Schemas } from '../api/client';
import { formatDate, formatDateTime, formatKronor, isKronorString } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Catalogue } from '../i18n/sv';

type Facts = Schemas['CaseFactsDto'];

/** Which facts go under which heading, in reading order. */
const GROUPS: Record<keyof Catalogue['case']['factGroups'], (keyof Facts)[]> = {
  parties: ['municipality', 'organisation', 'contactPerson'],
  application: ['purpose', 'targetGroups', 'activities', 'receivedOn', 'previousCaseId'],
  period: ['terms'],
  handling: ['diarienummer', 'registeredOn', 'officer', 'proposal', 'meeting', 'nextMeeting'],
  decision: ['decisions', 'protocol', 'finalOn', 'appeal'],
  signatures: ['signatures'],
  followUp: ['payments', 'followUpMeetings', 'annualReports', 'evaluations', 'repaymentClaims', 'reportBack', 'amendments', 'renewal', 'notice'],
};

/** Keys whose values are kronor (the API's strings, `"472200.00"`). */
const AMOUNTS = new Set(['amount', 'amountPerYear', 'ratePerInhabitant', 'hourlyValue', 'statedValue', 'fundsUsed', 'refund']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T/;

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isEmpty));

/** The terms without their funding lines: the money section shows those, with their amounts and plan. */
function withoutMoney(facts: Facts): Facts {
  return facts.terms ? { ...facts, terms: { ...facts.terms, fundingLines: [] } } : facts;
}

/** The case's facts, grouped (parties, period and funding, decision and appeal, signatures, follow-up); empty ones left out. */
export function FactsView({ facts: all }: { facts: Facts }) {
  const { t } = useI18n();
  const facts = withoutMoney(all);
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t.case.facts}</h2>
      <div className="fact-groups">
        {Object.entries(GROUPS).map(([group, keys]) => {
          const present = keys.filter((key) => !isEmpty(facts[key]));
          if (present.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`facts-${group}`} className="panel">
              <h3 id={`facts-${group}`}>{t.case.factGroups[group as keyof typeof GROUPS]}</h3>
              <Values entries={present.map((key) => [key, facts[key]])} />
            </section>
          );
        })}
      </div>
    </section>
  );
}

function Values({ entries }: { entries: [string, unknown][] }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {entries
        .filter(([, value]) => !isEmpty(value))
        .map(([key, value]) => (
          <div key={key}>
            <dt>{t.fields[key] ?? key}</dt>
            <dd>
              <Value name={key} value={value} />
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** Long lists (years of follow-up meetings) show their latest entries until asked for all. */
const SHORT_LIST = 5;

function List({ name, items }: { name: string; items: unknown[] }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all || items.length <= SHORT_LIST ? items : items.slice(-SHORT_LIST);
  return (
    <>
      <ul className="plain">
        {shown.map((item, index) => (
          <li key={index}>
            <Value name={name} value={item} />
          </li>
        ))}
      </ul>
      {shown.length < items.length && (
        <Button className="button" onPress={() => setAll(true)}>
          {t.case.showAll(items.length)}
        </Button>
      )}
    </>
  );
}

function Value({ name, value }: { name: string; value: unknown }) {
  const { t, lang } = useI18n();
  if (Array.isArray(value)) return <List name={name} items={value} />;
  if (value !== null && typeof value === 'object') return <Values entries={Object.entries(value)} />;
  if (typeof value === 'boolean') return <>{t.enums[String(value)]}</>;
  if (typeof value === 'number') return <>{value.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')}</>;
  if (AMOUNTS.has(name) && isKronorString(value)) return <>{formatKronor(value, lang)}</>;
  const text = String(value);
  if (DATE.test(text)) return <time dateTime={text}>{formatDate(text, lang)}</time>;
  if (TIMESTAMP.test(text)) return <time dateTime={text}>{formatDateTime(text, lang)}</time>;
  return <>{t.enums[text] ?? text}</>;
}
