import { describe, expect, it } from '@jest/globals';
import { InvalidInput } from '../shared/engine-error';
import { decidingBody, diariumSeries, municipalityParty } from './lookups';
import {
  evolveReferenceData,
  formatDiarienummer,
  nothingSetUp,
  publishIndexValue,
  setBody,
  setIndexSeries,
  setInhabitants,
  setMunicipality,
  type ReferenceData,
  type ReferenceDataEvent,
} from './reference-data';
import { ReferenceDataError } from './reference-data.errors';

/** Each change applied as the store does: decided on the data as it is, its events folded on. */
const apply = (data: ReferenceData, ...changes: ((d: ReferenceData) => ReferenceDataEvent[] | undefined)[]) =>
  changes.reduce((d, change) => (change(d) ?? []).reduce(evolveReferenceData, d), data);

const vallentuna = apply(
  nothingSetUp('vallentuna'),
  (d) => setMunicipality(d, { name: 'Vallentuna kommun', organisationNumber: '212000-0068' }),
  (d) => setBody(d, { code: 'SU', name: 'Sociala utskottet', kind: 'committee', diarium: null }),
  (d) => setBody(d, { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '-', digits: 3 } }),
  (d) => setIndexSeries(d, { code: 'OPI', name: 'Omsorgsprisindex' }),
  (d) => publishIndexValue(d, 'OPI', { year: 2024, basisPoints: 410, status: 'forecast', publishedOn: '2023-12-14' }),
);

describe('reference data: its changes and their fold', () => {
  it('records a change once: the same content sent again records nothing', () => {
    expect(setMunicipality(vallentuna, { name: 'Vallentuna kommun', organisationNumber: '212000-0068' })).toEqual([]);
    expect(setBody(vallentuna, { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { digits: 3, separator: '-' } })).toEqual([]);
    expect(setIndexSeries(vallentuna, { code: 'OPI', name: 'Omsorgsprisindex' })).toEqual([]);
    expect(setBody(vallentuna, { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '/', digits: 5 } })).toHaveLength(1);
  });

  it('replaces a body or a year’s inhabitants by its key, keeping the order bodies were first set in and the years in order', () => {
    const changed = apply(
      vallentuna,
      (d) => setBody(d, { code: 'SU', name: 'Socialutskottet', kind: 'committee', diarium: null }),
      (d) => setInhabitants(d, { year: 2024, asOf: '2023-11-01', count: 34_312 }),
      (d) => setInhabitants(d, { year: 2023, asOf: '2022-11-01', count: 34_001 }),
      (d) => setInhabitants(d, { year: 2024, asOf: '2023-11-01', count: 34_313 }),
    );
    expect(changed.bodies.map((b) => [b.code, b.name])).toEqual([
      ['SU', 'Socialutskottet'],
      ['KS', 'Kommunstyrelsen'],
    ]);
    expect(changed.inhabitants.map((f) => [f.year, f.count])).toEqual([
      [2023, 34_001],
      [2024, 34_313],
    ]);
  });

  it('keeps every version of an index value: a revision is the next version, a re-sent publication records nothing', () => {
    const final = { year: 2024, basisPoints: 390, status: 'final', publishedOn: '2024-12-12' } as const;
    const revised = apply(vallentuna, (d) => publishIndexValue(d, 'OPI', final));
    expect(revised.indexSeries[0].values).toEqual([
      { year: 2024, basisPoints: 410, status: 'forecast', publishedOn: '2023-12-14', version: 1 },
      { ...final, version: 2 },
    ]);
    expect(publishIndexValue(revised, 'OPI', final)).toEqual([]);
    expect(publishIndexValue(revised, 'OPI', { year: 2024, basisPoints: 410, status: 'forecast', publishedOn: '2023-12-14' })).toEqual([]);
    expect(publishIndexValue(revised, 'OPI', { ...final, basisPoints: 400 })).toEqual([
      { type: 'IndexValuePublished', data: { series: 'OPI', ...final, basisPoints: 400, version: 3 } },
    ]);
    expect(publishIndexValue(revised, 'KPI', final)).toBeUndefined();
    // Renaming a series keeps its values.
    expect(apply(revised, (d) => setIndexSeries(d, { code: 'OPI', name: 'OPI (SKR)' })).indexSeries[0].values).toHaveLength(2);
  });

  it('writes a diarienummer in the series’ format', () => {
    expect(formatDiarienummer('KS', { separator: '/', digits: 5 }, 2023, 1692)).toBe('KS 2023/01692');
    expect(formatDiarienummer('SON', { separator: '-', digits: 0 }, 2019, 536)).toBe('SON 2019-536');
  });
});

describe('what a case takes from the reference data', () => {
  const refusal = (attempt: () => unknown) => {
    try {
      attempt();
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it('the municipality party, and a clear REFERENCE_DATA_MISSING in both languages when it is not set up', () => {
    expect(municipalityParty(vallentuna)).toEqual({ name: 'Vallentuna kommun', organisationNumber: '212000-0068' });
    const missing = refusal(() => municipalityParty(nothingSetUp('vallentuna'))) as ReferenceDataError;
    expect(missing).toBeInstanceOf(ReferenceDataError);
    expect({ code: missing.code, details: missing.details }).toEqual({
      code: 'REFERENCE_DATA_MISSING',
      details: {
        missing: 'municipality',
        sv: 'Referensdata för vallentuna saknas: en administratör måste först lägga in kommunens namn och organisationsnummer (PUT /reference-data/municipality).',
        en: "The reference data of vallentuna is not set up: an administrator must first add the municipality's name and organisationsnummer (PUT /reference-data/municipality).",
      },
    });
  });

  it('a deciding body by code with its kind; an unknown code names the bodies', () => {
    expect(decidingBody(vallentuna, 'SU', 'bodyCode')).toEqual({ code: 'SU', name: 'Sociala utskottet', kind: 'committee' });
    const unknown = refusal(() => decidingBody(vallentuna, 'SN', 'bodyCode')) as InvalidInput;
    expect(unknown).toBeInstanceOf(InvalidInput);
    expect(unknown.message).toBe('SN is not a body of this municipality; its bodies: SU (Sociala utskottet), KS (Kommunstyrelsen).');
    expect((refusal(() => decidingBody(nothingSetUp('x'), 'KS', 'bodyCode')) as ReferenceDataError).details).toMatchObject({ missing: 'bodies' });
  });

  it('a diarium series only of a body that keeps one', () => {
    expect(diariumSeries(vallentuna, 'KS', 'bodyCode')).toEqual({ separator: '-', digits: 3 });
    expect((refusal(() => diariumSeries(vallentuna, 'SU', 'bodyCode')) as InvalidInput).details).toMatchObject({
      fields: [{ field: 'bodyCode', messages: ['must be one of KS'] }],
    });
    const noDiarium = apply(nothingSetUp('x'), (d) => setBody(d, { code: 'SU', name: 'Sociala utskottet', kind: 'committee', diarium: null }));
    expect((refusal(() => diariumSeries(noDiarium, 'SU', 'bodyCode')) as ReferenceDataError).details).toMatchObject({ missing: 'diarium' });
  });
});
