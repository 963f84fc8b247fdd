import { addDays, daysInclusive, type IsoDate } from '../calendar';
import {
  add,
  apportion,
  divideHalfUp,
  formatEnglish,
  formatSwedish,
  indexChain,
  ore,
  perUnit,
  subtract,
  totalOf,
  type Computed,
  type IndexSeries,
  type Ore,
} from '../money';
import type { CaseFacts } from './case.facts';
import type { DateRange, FundingLine, OwnContributionLine, PaidLine, PaymentSchedule, Terms } from './case.values';

/**
 * The payment plan of a case: per calendar year of the period, the lines the municipality pays
 * (due date, amount, basis, arithmetic), derived from the terms and the index values; and what was
 * paid against it. Pure: the index series come in as an argument (reference data, read by the
 * caller), so the same terms, payments and values always give the same plan.
 *
 * Rules, as the agreements state them: each line's amount is per calendar year the period touches,
 * due by 31 January (`yearly-in-january`; the period's first day when it starts later) or on
 * invoice (no date). An amendment applies from its `effectiveFrom`: a year it splits pays each
 * terms' yearly amount for its days, rounded once. A payment counts for the years its `covers`
 * spans, split by days. When an index value changed after a year was paid, the year keeps the line
 * as paid and gets an adjustment line for the difference (to pay, or to reclaim when negative).
 */

/** Days after a revised index value is published until the adjustment it causes is due. */
export const ADJUSTMENT_DUE_DAYS = 30;

/** The index series by code, as reference data has them; undefined for a series it has no values of. */
export type IndexSeriesLookup = (code: string) => IndexSeries | undefined;
export const NO_INDEX_VALUES: IndexSeriesLookup = () => undefined;

export interface PlanLine {
  readonly year: number;
  /** The funding line's id; an adjustment line has the id of the line it adjusts. */
  readonly lineId: string;
  readonly label: string;
  /** `due`: the line as the terms give it; `adjustment`: a revised index value after the year was paid. */
  readonly kind: 'due' | 'adjustment';
  /** Null for a line paid on invoice. */
  readonly dueOn: IsoDate | null;
  /** What the amount rests on: `fixed`, `perInhabitant`, `indexed:OPI`, `index-revision:OPI`. */
  readonly basis: string;
  readonly amount: Computed;
}

export interface PlanYear {
  readonly year: number;
  readonly lines: PlanLine[];
  /** The sum of the lines: what the municipality owes for the year. */
  readonly planned: Ore;
  /** Payments for the year (their covered days in it). */
  readonly paid: Ore;
  readonly outstanding: Ore;
  readonly overpaid: Ore;
  /** The organisation's own contribution of the year (valued, not paid). */
  readonly ownContribution: Computed[];
  /** What the agreement is worth in the year: paid lines and own contribution (Linköping 813 514,00 kr). */
  readonly value: Computed;
}

export interface PaymentPlan {
  readonly years: PlanYear[];
  readonly planned: Ore;
  readonly paid: Ore;
  readonly outstanding: Ore;
  readonly overpaid: Ore;
}

type PlanFacts = Pick<CaseFacts, 'agreedTerms' | 'amendments' | 'payments'>;

/** The plan of a case with terms; index series by code from reference data. */
export function paymentPlan(facts: PlanFacts, index: IndexSeriesLookup = NO_INDEX_VALUES): PaymentPlan {
  const segments = termsSegments(facts);
  const period = segments[segments.length - 1].terms.period;
  const years = yearsOf(period).map((year) => planYear(year, segments, facts.payments, index));
  const sum = (pick: (y: PlanYear) => Ore) => add(...years.map(pick));
  return { years, planned: sum((y) => y.planned), paid: sum((y) => y.paid), outstanding: sum((y) => y.outstanding), overpaid: sum((y) => y.overpaid) };
}

interface Segment {
  readonly from: IsoDate;
  readonly terms: Terms;
}

/** The terms as they applied over time: the agreed ones from the start, each amendment from its day. */
function termsSegments({ agreedTerms, amendments }: PlanFacts): Segment[] {
  if (agreedTerms === null) throw new Error('Lifecycle invariant broken: a payment plan needs terms');
  const later = [...amendments].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return [{ from: agreedTerms.period.start, terms: agreedTerms }, ...later.map((a) => ({ from: a.effectiveFrom, terms: a.terms }))];
}

function planYear(year: number, segments: readonly Segment[], payments: PlanFacts['payments'], index: IndexSeriesLookup): PlanYear {
  const parts = partsOfYear(year, segments);
  const last = parts[parts.length - 1].terms;
  const paidOn = firstPaidOn(year, payments);
  const lines = paidLineIds(parts).flatMap((id) => {
    const now = yearAmount(year, id, parts, index);
    const asPaid = paidOn === null ? now : yearAmount(year, id, parts, index, paidOn);
    const line: PlanLine = {
      year,
      kind: 'due',
      lineId: id,
      label: labelOf(id, parts),
      dueOn: dueOn(year, last.period, last.paymentSchedule),
      basis: asPaid.basis,
      amount: asPaid.amount,
    };
    if (asPaid.amount.amount === now.amount.amount || paidOn === null) return [line];
    return [line, adjustment(line, now, asPaid, paidOn)];
  });
  const planned = add(...lines.map((line) => line.amount.amount));
  const paid = paidIn(year, payments);
  const own = ownContributions(parts);
  return {
    year,
    lines,
    planned,
    paid,
    outstanding: planned > paid ? subtract(planned, paid) : ore(0),
    overpaid: paid > planned ? subtract(paid, planned) : ore(0),
    ownContribution: own.map(({ value }) => value),
    value: totalOf([
      ...lines.map((line) => ({ amount: line.amount.amount, label: both(line.label) })),
      ...own.map(({ label, value }) => ({ amount: value.amount, label: both(label) })),
    ]),
  };
}

interface Part {
  readonly days: number;
  readonly terms: Terms;
}

/** The year's days under each terms in force (one part unless an amendment takes effect within it). */
function partsOfYear(year: number, segments: readonly Segment[]): Part[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return segments
    .map((segment, i) => {
      const next = segments[i + 1]?.from;
      const from = segment.from > start ? segment.from : start;
      const to = next !== undefined && addDays(next, -1) < end ? addDays(next, -1) : end;
      return { days: from <= to ? daysInclusive(from, to) : 0, terms: segment.terms, from };
    })
    .filter((part, i, all) => part.days > 0 || (i === 0 && all.every((p) => p.days === 0)))
    .map(({ days, terms }) => ({ days, terms }));
}

function paidLineIds(parts: readonly Part[]): string[] {
  return [...new Set(parts.flatMap((part) => part.terms.fundingLines.filter(isPaid).map((line) => line.id)))];
}

const isPaid = (line: FundingLine): line is PaidLine => line.kind !== 'ownContribution';

function labelOf(id: string, parts: readonly Part[]): string {
  return [...parts].reverse().flatMap((part) => part.terms.fundingLines.filter((line) => line.id === id))[0]?.label ?? id;
}

interface YearAmount {
  readonly amount: Computed;
  readonly basis: string;
  /** When the index values it used were published. */
  readonly published: readonly IsoDate[];
}

/** A line's amount for the year: one terms' figure, or the terms' figures by their days, rounded once. */
function yearAmount(year: number, id: string, parts: readonly Part[], index: IndexSeriesLookup, knownOn?: IsoDate): YearAmount {
  const figures = parts.map((part) => {
    const line = part.terms.fundingLines.find((l): l is PaidLine => l.id === id && isPaid(l));
    return { days: part.days, figure: line ? lineFigure(year, line, index, knownOn) : null };
  });
  if (figures.length === 1 && figures[0].figure) return figures[0].figure;
  return byDays(year, figures);
}

function byDays(year: number, figures: ReadonlyArray<{ days: number; figure: YearAmount | null }>): YearAmount {
  const daysInYear = daysInclusive(`${year}-01-01`, `${year}-12-31`);
  const weighted = figures.reduce((sum, { days, figure }) => sum + BigInt(figure?.amount.amount ?? 0) * BigInt(days), 0n);
  const amount = ore(Number(divideHalfUp(weighted, BigInt(daysInYear))));
  const terms = (format: (a: Ore) => string) =>
    figures.map(({ days, figure }) => `${format(figure?.amount.amount ?? ore(0))} × ${days}/${daysInYear}`).join(' + ');
  return {
    basis: figures.map(({ figure }) => figure?.basis ?? 'none').join('+'),
    published: figures.flatMap(({ figure }) => figure?.published ?? []),
    amount: {
      amount,
      explanation: {
        sv: `villkoren ändrades under ${year}, dagarna under vardera: ${terms(formatSwedish)} = ${formatSwedish(amount)} (avrundat till närmaste öre, halva ören uppåt)`,
        en: `the terms changed during ${year}, the days under each: ${terms(formatEnglish)} = ${formatEnglish(amount)} (rounded to the nearest öre, half an öre up)`,
      },
    },
  };
}

/** The line's yearly figure: its base amount, indexed through `year` when it follows a series. */
function lineFigure(year: number, line: PaidLine, index: IndexSeriesLookup, knownOn?: IsoDate): YearAmount {
  const base = baseAmount(line);
  const indexation = line.indexation;
  const firstIndexed = indexation ? Number(indexation.from.slice(0, 4)) : Number.POSITIVE_INFINITY;
  if (!indexation || year < firstIndexed) return { basis: line.kind, amount: base, published: [] };
  const chain = indexChain(base.amount, index(indexation.index), indexation.index, firstIndexed, year, knownOn);
  const steps = (language: 'sv' | 'en') => chain.map((step) => `${step.year}: ${step.amount.explanation[language]}`).join('; ');
  return {
    basis: `indexed:${indexation.index}`,
    published: chain.flatMap((step) => (step.value ? [step.value.publishedOn] : [])),
    amount: {
      amount: chain[chain.length - 1].amount.amount,
      explanation: {
        sv: `${base.explanation.sv}, indexerat med ${indexation.index} från ${firstIndexed}: ${steps('sv')}`,
        en: `${base.explanation.en}, indexed by ${indexation.index} from ${firstIndexed}: ${steps('en')}`,
      },
    },
  };
}

function baseAmount(line: PaidLine): Computed {
  if (line.kind === 'perInhabitant') {
    const asOf = line.inhabitants.asOf;
    const unit = asOf ? { sv: `invånare (${asOf})`, en: `inhabitants (${asOf})` } : { sv: 'invånare', en: 'inhabitants' };
    return perUnit(line.ratePerInhabitant, line.inhabitants.count, unit);
  }
  return {
    amount: line.amountPerYear,
    explanation: { sv: `${formatSwedish(line.amountPerYear)} per år`, en: `${formatEnglish(line.amountPerYear)} a year` },
  };
}

/** The difference a revised index value makes to a year already paid. */
function adjustment(line: PlanLine, now: YearAmount, asPaid: YearAmount, paidOn: IsoDate): PlanLine {
  const difference = subtract(now.amount.amount, asPaid.amount.amount);
  const reclaim = difference < 0;
  const code = now.basis.replace(/^indexed:/, '').replace(/\+.*$/, '');
  return {
    ...line,
    kind: 'adjustment',
    basis: `index-revision:${code}`,
    dueOn: addDays(latestRevision(now, paidOn), ADJUSTMENT_DUE_DAYS),
    amount: {
      amount: difference,
      explanation: {
        sv:
          `${code} reviderat efter utbetalningen ${paidOn}: ${formatSwedish(now.amount.amount)} med värdena nu − ${formatSwedish(asPaid.amount.amount)} ` +
          `med värdena då = ${formatSwedish(difference)} ${reclaim ? 'att återkräva' : 'att betala'}. Nu: ${now.amount.explanation.sv}. Då: ${asPaid.amount.explanation.sv}`,
        en:
          `${code} revised after the payment of ${paidOn}: ${formatEnglish(now.amount.amount)} with the values now − ${formatEnglish(asPaid.amount.amount)} ` +
          `with the values then = ${formatEnglish(difference)} ${reclaim ? 'to reclaim' : 'to pay'}. Now: ${now.amount.explanation.en}. Then: ${asPaid.amount.explanation.en}`,
      },
    },
  };
}

/** The latest publication among the values the amount now uses (the revision), not before the payment. */
function latestRevision(now: YearAmount, paidOn: IsoDate): IsoDate {
  return now.published.reduce((latest, date) => (date > latest ? date : latest), paidOn);
}

function dueOn(year: number, period: DateRange, schedule: PaymentSchedule): IsoDate | null {
  if (schedule === 'on-invoice') return null;
  const january = `${year}-01-31`;
  return period.start > january ? period.start : january;
}

/** The earliest payment that covers a day of the year: when the year counts as paid, for index revisions. */
function firstPaidOn(year: number, payments: PlanFacts['payments']): IsoDate | null {
  const dates = payments.filter((p) => daysOfYearIn(year, p.covers) > 0).map((p) => p.paidOn);
  return dates.length === 0 ? null : dates.reduce((a, b) => (a < b ? a : b));
}

/** Each payment split over the years it covers, by days; the year's share of all of them. */
function paidIn(year: number, payments: PlanFacts['payments']): Ore {
  return add(
    ...payments.map((payment) => {
      const spanned = yearsOf(payment.covers);
      const i = spanned.indexOf(year);
      return i < 0
        ? ore(0)
        : apportion(
            payment.amount,
            spanned.map((y) => daysOfYearIn(y, payment.covers)),
          )[i];
    }),
  );
}

function daysOfYearIn(year: number, range: DateRange): number {
  const from = range.start > `${year}-01-01` ? range.start : `${year}-01-01`;
  const to = range.end < `${year}-12-31` ? range.end : `${year}-12-31`;
  return from <= to ? daysInclusive(from, to) : 0;
}

/** A label the agreement gives in Swedish only, for both languages of an explanation. */
const both = (text: string) => ({ sv: text, en: text });

/** The organisation's own contribution under the terms in force at the year's end: hours × hourly value, or the stated value. */
function ownContributions(parts: readonly Part[]): Array<{ label: string; value: Computed }> {
  return parts[parts.length - 1].terms.fundingLines
    .filter((line): line is OwnContributionLine => line.kind === 'ownContribution')
    .map((line) => ({ label: line.label, value: ownValue(line) }));
}

function ownValue(line: OwnContributionLine): Computed {
  if (line.hourlyValue !== null && line.hours !== null) return perUnit(line.hourlyValue, line.hours, { sv: 'timmar', en: 'hours' });
  const value = line.statedValue ?? ore(0);
  const hours = line.hours === null ? '' : ` (${line.hours} h)`;
  return { amount: value, explanation: { sv: `angivet värde ${formatSwedish(value)}${hours}`, en: `stated value ${formatEnglish(value)}${hours}` } };
}

function yearsOf(period: DateRange): number[] {
  const first = Number(period.start.slice(0, 4));
  return Array.from({ length: Number(period.end.slice(0, 4)) - first + 1 }, (_, i) => first + i);
}

/** The index series codes the terms of a case follow, for fetching them before {@link paymentPlan}. */
export function indexCodes(facts: Pick<CaseFacts, 'agreedTerms' | 'amendments'>): string[] {
  const terms = [facts.agreedTerms, ...facts.amendments.map((a) => a.terms)].filter((t): t is Terms => t !== null);
  return [
    ...new Set(terms.flatMap((t) => t.fundingLines.flatMap((line) => (line.kind !== 'ownContribution' && line.indexation ? [line.indexation.index] : [])))),
  ];
}

/** A lookup over series as reference data gives them. */
export function seriesLookup(series: readonly IndexSeries[]): IndexSeriesLookup {
  return (code) => series.find((s) => s.code === code);
}
