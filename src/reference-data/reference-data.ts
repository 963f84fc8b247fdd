import type { IsoDate } from '../calendar';
import type { DecidingBody } from '../lifecycle';
import type { IndexSeries, IndexValue, IndexValueStatus, InhabitantFigure } from '../money';

/**
 * A municipality's reference data, as its administrators keep it: who the municipality is, its
 * deciding bodies and how their diaria number cases, its inhabitants per year, and the index series
 * agreements follow. Pure: the events that change it, their fold, and what a change records (none
 * when it changes nothing, so that a re-sent request writes nothing). The store is the tenant's
 * `reference-data` stream (see reference-data.store.ts).
 */

/** How a body's diarium numbers its cases: `KS 2023/01692`, `SN 2023/0050`, `SON 2019-536`. */
export interface DiariumSeries {
  readonly separator: '/' | '-';
  /** Zero-padding of the running number; 0 for none. */
  readonly digits: number;
}

export const DIARIUM_SEPARATORS = ['/', '-'] as const;
export const MAX_DIARIUM_DIGITS = 8;

export interface Body extends DecidingBody {
  /** Bodies that register cases keep a diarium series; a committee (utskott) does not (null). */
  readonly diarium: DiariumSeries | null;
}

/** The municipality as a party to its agreements. */
export interface MunicipalityIdentity {
  readonly name: string;
  readonly organisationNumber: string;
}

export interface ReferenceData {
  readonly tenant: string;
  /** The stream's last revision; -1 when nothing is set up. */
  readonly revision: bigint;
  readonly municipality: MunicipalityIdentity | null;
  /** By code, in the order they were first set. */
  readonly bodies: readonly Body[];
  /** One figure per year, by year. */
  readonly inhabitants: readonly InhabitantFigure[];
  /** By code; each series' values keep every version, oldest first. */
  readonly indexSeries: readonly IndexSeries[];
}

/** The events of a reference-data stream. */
export interface ReferenceDataEvents {
  MunicipalitySet: MunicipalityIdentity;
  BodySet: Body;
  InhabitantsSet: InhabitantFigure;
  IndexSeriesSet: { readonly code: string; readonly name: string };
  IndexValuePublished: IndexValue & { readonly series: string };
}
export type ReferenceDataEventType = keyof ReferenceDataEvents;
export type ReferenceDataEvent = { [K in ReferenceDataEventType]: { readonly type: K; readonly data: ReferenceDataEvents[K] } }[ReferenceDataEventType];
export const REFERENCE_DATA_EVENT_TYPES: readonly ReferenceDataEventType[] = [
  'MunicipalitySet',
  'BodySet',
  'InhabitantsSet',
  'IndexSeriesSet',
  'IndexValuePublished',
];

export const nothingSetUp = (tenant: string): ReferenceData => ({ tenant, revision: -1n, municipality: null, bodies: [], inhabitants: [], indexSeries: [] });

/** One event applied: a set replaces what had its key; a published value is appended to its series. */
export function evolveReferenceData(data: ReferenceData, event: ReferenceDataEvent): ReferenceData {
  switch (event.type) {
    case 'MunicipalitySet':
      return { ...data, municipality: { name: event.data.name, organisationNumber: event.data.organisationNumber } };
    case 'BodySet':
      return { ...data, bodies: upsert(data.bodies, event.data, (b) => b.code === event.data.code) };
    case 'InhabitantsSet':
      return { ...data, inhabitants: upsert(data.inhabitants, event.data, (f) => f.year === event.data.year).sort((a, b) => a.year - b.year) };
    case 'IndexSeriesSet': {
      const values = data.indexSeries.find((s) => s.code === event.data.code)?.values ?? [];
      return { ...data, indexSeries: upsert(data.indexSeries, { ...event.data, values }, (s) => s.code === event.data.code) };
    }
    case 'IndexValuePublished': {
      const { series: code, ...value } = event.data;
      return { ...data, indexSeries: data.indexSeries.map((s) => (s.code === code ? { ...s, values: [...s.values, value] } : s)) };
    }
  }
}

function upsert<T>(items: readonly T[], item: T, same: (existing: T) => boolean): T[] {
  return items.some(same) ? items.map((existing) => (same(existing) ? item : existing)) : [...items, item];
}

/** A change an administrator asks for: decided on the data as it is, the events it records (none when it changes nothing). */
export type ReferenceDataChange = (data: ReferenceData) => ReferenceDataEvent[];

export function setMunicipality(data: ReferenceData, municipality: MunicipalityIdentity): ReferenceDataEvent[] {
  return unlessAlready(data.municipality, { type: 'MunicipalitySet', data: municipality });
}

export function setBody(data: ReferenceData, body: Body): ReferenceDataEvent[] {
  return unlessAlready(
    data.bodies.find((b) => b.code === body.code),
    { type: 'BodySet', data: body },
  );
}

export function setInhabitants(data: ReferenceData, figure: InhabitantFigure): ReferenceDataEvent[] {
  return unlessAlready(
    data.inhabitants.find((f) => f.year === figure.year),
    { type: 'InhabitantsSet', data: figure },
  );
}

/** The event that sets a value, or none when what is there already is the same. */
function unlessAlready(existing: unknown, event: ReferenceDataEvent): ReferenceDataEvent[] {
  return sameJson(existing, event.data) ? [] : [event];
}

export function setIndexSeries(data: ReferenceData, series: { code: string; name: string }): ReferenceDataEvent[] {
  const existing = data.indexSeries.find((s) => s.code === series.code);
  return existing?.name === series.name ? [] : [{ type: 'IndexSeriesSet', data: series }];
}

export interface PublishedValue {
  readonly year: number;
  readonly basisPoints: number;
  readonly status: IndexValueStatus;
  readonly publishedOn: IsoDate;
}

/**
 * A year's value of a series: its first version, or a revision (the next version; the earlier ones
 * stay in the history). A publication the year already has (the same value, status and date of
 * publication) sent again records nothing. The series must exist (undefined when it does not).
 */
export function publishIndexValue(data: ReferenceData, code: string, value: PublishedValue): ReferenceDataEvent[] | undefined {
  const series = data.indexSeries.find((s) => s.code === code);
  if (!series) return undefined;
  const published = { year: value.year, basisPoints: value.basisPoints, status: value.status, publishedOn: value.publishedOn };
  const versions = series.values.filter((v) => v.year === value.year);
  if (versions.some(({ version: _, ...earlier }) => sameJson(earlier, published))) return [];
  return [{ type: 'IndexValuePublished', data: { series: code, ...published, version: versions.length + 1 } }];
}

/** A year's newest version, if the series has one. */
export function latestValue(series: IndexSeries, year: number): IndexValue | undefined {
  return series.values.filter((v) => v.year === year).at(-1);
}

/** Compares as stored (JSON, fields in a fixed order), so that a re-send with the same content is told apart from a change. */
function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && a !== null && canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

/** `KS 2023/01692`: the body's code, the year, the separator and the number padded to the series' digits. */
export function formatDiarienummer(bodyCode: string, series: DiariumSeries, year: number, number: number): string {
  return `${bodyCode} ${year}${series.separator}${String(number).padStart(series.digits, '0')}`;
}
