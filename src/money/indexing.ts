import type { IsoDate } from '../calendar';
import { formatEnglish, formatSwedish } from './kronor-format';
import type { IndexSeries, IndexValue } from './index-values';
import { share, type Computed, type Ore } from './money';

/**
 * Indexing an amount year by year: amount(y) = amount(y − 1) × (1 + change(y)), the change in basis
 * points, rounded half-up to the öre once per year (the one rule), so that each year's figure is the
 * one the agreement pays and the next year builds on. Pure and reproducible: the same values give
 * the same chain.
 */

const ROUNDED = { sv: 'avrundat till närmaste öre, halva ören uppåt', en: 'rounded to the nearest öre, half an öre up' };

/**
 * The value of `year` that counts, among those published on or before `knownOn` (all when left out):
 * the latest final value; a forecast (the latest version) only while no final one exists.
 */
export function valueFor(series: IndexSeries | undefined, year: number, knownOn?: IsoDate): IndexValue | null {
  const known = (series?.values ?? []).filter((value) => value.year === year && (knownOn === undefined || value.publishedOn <= knownOn));
  const finals = known.filter((value) => value.status === 'final');
  const candidates = finals.length > 0 ? finals : known;
  return candidates.reduce<IndexValue | null>((latest, value) => (latest === null || value.version > latest.version ? value : latest), null);
}

/** 360 basis points: `3,60 %` (Swedish), `3.60%` (English). */
export function formatBasisPoints(basisPoints: number, language: 'sv' | 'en'): string {
  const sign = basisPoints < 0 ? (language === 'sv' ? '\u2212' : '-') : '+';
  const magnitude = Math.abs(basisPoints);
  const text = `${Math.trunc(magnitude / 100)}${language === 'sv' ? ',' : '.'}${String(magnitude % 100).padStart(2, '0')}`;
  return language === 'sv' ? `${sign}${text}\u00a0%` : `${sign}${text}%`;
}

const STATUS = { forecast: { sv: 'prognos', en: 'forecast' }, final: { sv: 'slutligt', en: 'final' } };

/** What a value is, for an explanation: `OPI 2025 +3,20 % (slutligt, publicerat 2025-04-30, version 2)`. */
export function describeValue(code: string, value: IndexValue): { sv: string; en: string } {
  return {
    sv: `${code} ${value.year} ${formatBasisPoints(value.basisPoints, 'sv')} (${STATUS[value.status].sv}, publicerat ${value.publishedOn}, version ${value.version})`,
    en: `${code} ${value.year} ${formatBasisPoints(value.basisPoints, 'en')} (${STATUS[value.status].en}, published ${value.publishedOn}, version ${value.version})`,
  };
}

/**
 * One year's step: the previous year's amount × (1 + change), rounded once. Without a value for the
 * year the previous amount stands, and the explanation says so (a later value gives an adjustment).
 */
export function indexStep(previous: Ore, code: string, year: number, value: IndexValue | null): Computed {
  if (value === null) {
    return {
      amount: previous,
      explanation: {
        sv: `${code} ${year} finns ännu inte: föregående års ${formatSwedish(previous)} gäller tills värdet finns`,
        en: `${code} ${year} is not yet known: the previous year's ${formatEnglish(previous)} stands until it is`,
      },
    };
  }
  const amount = share(previous, 10_000 + value.basisPoints, 10_000);
  const what = describeValue(code, value);
  return {
    amount,
    explanation: {
      sv: `${formatSwedish(previous)} × (1 ${formatBasisPoints(value.basisPoints, 'sv')}) = ${formatSwedish(amount)}, ${what.sv}; ${ROUNDED.sv}`,
      en: `${formatEnglish(previous)} × (1 ${formatBasisPoints(value.basisPoints, 'en')}) = ${formatEnglish(amount)}, ${what.en}; ${ROUNDED.en}`,
    },
  };
}

export interface IndexedYear {
  readonly year: number;
  /** The value used; null when the year has none yet. */
  readonly value: IndexValue | null;
  readonly amount: Computed;
}

/**
 * The chain from `base` (the amount before `firstYear`) through `lastYear`: one step per year,
 * each on the previous year's rounded amount, with the values known on `knownOn` (all if left out).
 */
export function indexChain(base: Ore, series: IndexSeries | undefined, code: string, firstYear: number, lastYear: number, knownOn?: IsoDate): IndexedYear[] {
  const chain: IndexedYear[] = [];
  let previous = base;
  for (let year = firstYear; year <= lastYear; year++) {
    const value = valueFor(series, year, knownOn);
    const amount = indexStep(previous, code, year, value);
    chain.push({ year, value, amount });
    previous = amount.amount;
  }
  return chain;
}
