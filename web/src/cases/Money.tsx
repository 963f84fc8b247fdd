import type { Schemas } from '../api/client';
import { DataTable } from '../app/TableRegion';
import { formatDate, formatKronor, formatCount, type Lang } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Catalogue } from '../i18n/sv';

type Money = Schemas['CaseMoneyDto'];
type Plan = Schemas['PaymentPlanDto'];
type PlanYear = Schemas['PlanYearDto'];
type Computed = Schemas['ComputedDto'];
type FundingLine = Schemas['TermsDto']['fundingLines'][number];

/** An amount, right-aligned in tables by its class; `tabular-nums` keeps the öre under each other. */
function Kronor({ amount }: { amount: string }) {
  const { lang } = useI18n();
  return <span className="amount">{formatKronor(amount, lang)}</span>;
}

/** A computed amount's arithmetic, in the person's language (the engine writes both). */
function Explanation({ computed }: { computed: Computed }) {
  const { lang } = useI18n();
  return <span className="explanation">{computed.explanation[lang]}</span>;
}

/** `indexed:OPI` → "Indexerat med OPI": what a plan line's amount rests on, in words. */
function basisText(basis: string, t: Catalogue): string {
  const [kind, series = ''] = basis.split(':');
  const text = t.money.basis[kind as keyof Catalogue['money']['basis']];
  return text ? text(series) : basis;
}

/**
 * Pengar: the payment plan per year (planned, paid, outstanding, overpaid; each line with its due
 * date, basis and arithmetic, adjustments marked), the funding lines of the terms and the refund on
 * termination. Amounts are the API's kronor strings, formatted by the engine's own rules.
 */
export function MoneyView({ money, terms }: { money: Money; terms: Schemas['TermsDto'] | null }) {
  const { t } = useI18n();
  if (!money.plan && !money.refund && !terms) return null;
  return (
    <section aria-labelledby="money-heading" className="money">
      <h2 id="money-heading">{t.money.title}</h2>
      {terms && <FundingLines lines={terms.fundingLines} />}
      {money.plan && <PaymentPlan plan={money.plan} />}
      {money.refund && <Refund refund={money.refund} />}
    </section>
  );
}

function FundingLines({ lines }: { lines: readonly FundingLine[] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="funding-heading" className="panel">
      <h3 id="funding-heading">{t.money.fundingHeading}</h3>
      <DataTable
        label={t.money.fundingHeading}
        headers={[t.money.line, t.money.kind, t.money.perYear, t.money.indexation]}
        items={lines}
        rowKey={(line) => line.id}
        row={(line) => (
          <>
            <th scope="row">{line.label}</th>
            <td>{t.money.lineKinds[line.kind]}</td>
            <td>{fundingAmount(line, t, lang)}</td>
            <td>
              {'indexation' in line && line.indexation
                ? t.money.indexedFrom(line.indexation.index, formatDate(line.indexation.from, lang))
                : t.money.notIndexed}
            </td>
          </>
        )}
      />
    </section>
  );
}

/** A funding line's amount as the agreement states it: a sum, a rate × inhabitants, or hours × a value. */
function fundingAmount(line: FundingLine, t: Catalogue, lang: Lang): string {
  switch (line.kind) {
    case 'fixed':
      return formatKronor(line.amountPerYear, lang);
    case 'perInhabitant':
      return t.money.perInhabitant(
        formatKronor(line.ratePerInhabitant, lang),
        formatCount(line.inhabitants.count, lang),
        formatDate(line.inhabitants.asOf, lang),
      );
    case 'ownContribution': {
      const hours = line.hours == null ? null : formatCount(line.hours, lang);
      if (line.hourlyValue) return t.money.hoursTimesValue(hours ?? '0', formatKronor(line.hourlyValue, lang));
      const stated = line.statedValue ? formatKronor(line.statedValue, lang) : '';
      return hours ? t.money.statedWithHours(stated, hours) : stated;
    }
  }
}

function PaymentPlan({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="plan-heading" className="panel">
      <h3 id="plan-heading">{t.money.planHeading}</h3>
      <DataTable
        label={t.money.planSummary}
        testId="plan-summary"
        headers={[t.money.year, t.money.planned, t.money.paid, t.money.outstanding, t.money.overpaid]}
        items={[...plan.years, { year: t.money.total, ...plan }]}
        rowKey={(year) => String(year.year)}
        row={(year) => (
          <>
            <th scope="row">{year.year}</th>
            {([year.planned, year.paid, year.outstanding, year.overpaid] as const).map((amount, index) => (
              <td key={index} className="number">
                <Kronor amount={amount} />
              </td>
            ))}
          </>
        )}
      />
      {plan.years.map((year) => (
        <PlanYearLines key={year.year} year={year} />
      ))}
    </section>
  );
}

function PlanYearLines({ year }: { year: PlanYear }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby={`plan-${year.year}`} className="plan-year">
      <h4 id={`plan-${year.year}`}>{t.money.yearHeading(year.year)}</h4>
      <DataTable
        label={t.money.linesOf(year.year)}
        testId={`plan-lines-${year.year}`}
        headers={[t.money.line, t.money.dueOn, t.money.basisHeading, t.money.amount, t.money.arithmetic]}
        items={year.lines}
        rowKey={(line) => `${line.lineId}-${line.kind}-${line.dueOn ?? ''}`}
        row={(line) => (
          <>
            <th scope="row">
              {line.label}
              {line.kind === 'adjustment' && <span className="badge">{t.money.adjustment}</span>}
            </th>
            <td>{line.dueOn ? <time dateTime={line.dueOn}>{formatDate(line.dueOn, lang)}</time> : t.money.onInvoice}</td>
            <td>{basisText(line.basis, t)}</td>
            <td className="number">
              <Kronor amount={line.amount.amount} />
            </td>
            <td>
              <Explanation computed={line.amount} />
            </td>
          </>
        )}
      />
      <dl className="facts">
        {year.ownContribution.map((contribution, index) => (
          <div key={index}>
            <dt>{t.money.ownContribution}</dt>
            <dd>
              <Kronor amount={contribution.amount} /> <Explanation computed={contribution} />
            </dd>
          </div>
        ))}
        <div>
          <dt>{t.money.value}</dt>
          <dd>
            <Kronor amount={year.value.amount} /> <Explanation computed={year.value} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Refund({ refund }: { refund: Schemas['RefundDto'] }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="refund-heading" className="panel">
      <h3 id="refund-heading">{t.money.refundHeading}</h3>
      <p>
        {t.money.refundTotal} <strong>{formatKronor(refund.total.amount, lang)}</strong> <Explanation computed={refund.total} />
      </p>
      <DataTable
        label={t.money.refundHeading}
        testId="refund-lines"
        headers={[t.money.payment, t.money.covers, t.money.days, t.money.refund, t.money.arithmetic]}
        items={refund.lines}
        rowKey={(line) => `${line.covers.start}-${line.amount}`}
        row={(line) => (
          <>
            <th scope="row">
              <Kronor amount={line.amount} />
            </th>
            <td>{t.money.period(formatDate(line.covers.start, lang), formatDate(line.covers.end, lang))}</td>
            <td>{t.money.daysUsed(line.daysUsed, line.daysUnused, line.daysInPeriod)}</td>
            <td className="number">
              <Kronor amount={line.refund.amount} />
            </td>
            <td>
              <Explanation computed={line.refund} />
            </td>
          </>
        )}
      />
    </section>
  );
}
