import type { InhabitantFigure } from '../money';
import {
  publishIndexValue,
  setBody,
  setIndexSeries,
  setInhabitants,
  setMunicipality,
  type Body,
  type MunicipalityIdentity,
  type PublishedValue,
  type ReferenceDataChange,
} from '../reference-data/reference-data';
import type { Author, ReferenceDataStore } from '../reference-data/reference-data.store';

/** A demo municipality's reference data, as its administrator enters it through the API. */
export interface DemoMunicipality {
  readonly tenant: string;
  readonly municipality: MunicipalityIdentity;
  readonly bodies: readonly Body[];
  readonly inhabitants: readonly InhabitantFigure[];
  readonly indexSeries: readonly { code: string; name: string; values: readonly PublishedValue[] }[];
}

const board = (code: string, name: string, separator: '/' | '-', digits: number): Body => ({ code, name, kind: 'board', diarium: { separator, digits } });
const council = (digits: number): Body => ({ code: 'KF', name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits } });

/**
 * The three municipalities of the source documents. Names, organisationsnummer, bodies and diarium
 * formats are the documents' (`KS 2023/01692`, `SON 2019-536`). Robertsfors' 6 784 inhabitants are
 * the figure its social committee's report (2017-11-17) gives for 2018 (3 kr each: 20 352 kr); the
 * report names no date for the count, so it is taken as of 1 November 2017, SCB's reckoning date,
 * as the demo case's terms have it. The other counts and dates are plausible (the same as the demo
 * cases' terms), not official.
 */
export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  {
    tenant: 'osteraker',
    municipality: { name: 'Österåkers kommun', organisationNumber: '212000-0035' },
    bodies: [board('KS', 'Kommunstyrelsen', '/', 5), board('SN', 'Socialnämnden', '/', 4), council(5)],
    inhabitants: [{ year: 2023, asOf: '2022-12-31', count: 48_000 }],
    indexSeries: [],
  },
  {
    tenant: 'robertsfors',
    municipality: { name: 'Robertsfors kommun', organisationNumber: '212000-2742' },
    bodies: [{ code: 'SU', name: 'Sociala utskottet', kind: 'committee', diarium: null }, board('KS', 'Kommunstyrelsen', '/', 3), council(3)],
    inhabitants: [{ year: 2018, asOf: '2017-11-01', count: 6_784 }],
    indexSeries: [],
  },
  {
    tenant: 'linkoping',
    municipality: { name: 'Linköpings kommun', organisationNumber: '212000-0449' },
    bodies: [board('SON', 'Social- och omsorgsnämnden', '-', 0), board('KS', 'Kommunstyrelsen', '/', 4), council(4)],
    inhabitants: [{ year: 2023, asOf: '2022-11-01', count: 164_616 }],
    indexSeries: [
      {
        code: 'OPI',
        name: 'Omsorgsprisindex (SKR)',
        // Illustrative values, not SKR's: a forecast each December, 2024's made final (revised) a year later.
        values: [
          { year: 2024, basisPoints: 410, status: 'forecast', publishedOn: '2023-12-14' },
          { year: 2024, basisPoints: 390, status: 'final', publishedOn: '2024-12-12' },
          { year: 2025, basisPoints: 320, status: 'forecast', publishedOn: '2024-12-12' },
          { year: 2026, basisPoints: 280, status: 'forecast', publishedOn: '2025-12-11' },
        ],
      },
    ],
  },
];

/** The changes an administrator makes to set a municipality up, in the order the API takes them: the same decisions as the endpoints. */
export function onboardingChanges({ municipality, bodies, inhabitants, indexSeries }: DemoMunicipality): ReferenceDataChange[] {
  return [
    (d) => setMunicipality(d, municipality),
    ...bodies.map(
      (body): ReferenceDataChange =>
        (d) =>
          setBody(d, body),
    ),
    ...inhabitants.map(
      (figure): ReferenceDataChange =>
        (d) =>
          setInhabitants(d, figure),
    ),
    ...indexSeries.flatMap(({ code, name, values }): ReferenceDataChange[] => [
      (d) => setIndexSeries(d, { code, name }),
      ...values.map(
        (value): ReferenceDataChange =>
          (d) =>
            publishIndexValue(d, code, value) ?? [],
      ),
    ]),
  ];
}

/** Sets a demo municipality up through the reference-data store, change by change; what is set already records nothing. */
export async function onboard(store: ReferenceDataStore, demo: DemoMunicipality, author: Author = DEMO_ADMIN): Promise<void> {
  for (const change of onboardingChanges(demo)) await store.change(demo.tenant, author, change);
}

export const DEMO_ADMIN: Author = { id: 'demo-admin', name: 'Demo (admin)' };
