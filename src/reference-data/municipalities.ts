import type { DecidingBody } from '../lifecycle';

/** How a body's diarium numbers its cases: `KS 2023/01692`, `SN 2023/0050`, `SON 2019-536`. */
export interface DiariumSeries {
  readonly separator: '/' | '-';
  /** Zero-padding of the running number; 0 for none. */
  readonly digits: number;
}

export interface Body extends DecidingBody {
  /** Bodies that register cases keep a diarium series; a committee (utskott) does not. */
  readonly diarium?: DiariumSeries;
}

export interface Municipality {
  readonly tenant: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly bodies: readonly Body[];
}

/**
 * Reference data: the municipalities this engine serves and their bodies. Bodies are data, not
 * code: a new nämnd or utskott is a line here (later: an admin's command), never a code change.
 */
export const MUNICIPALITIES: readonly Municipality[] = [
  {
    tenant: 'osteraker',
    name: 'Österåkers kommun',
    organisationNumber: '212000-0035',
    bodies: [
      { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '/', digits: 5 } },
      { code: 'SN', name: 'Socialnämnden', kind: 'board', diarium: { separator: '/', digits: 4 } },
      { code: 'KF', name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits: 5 } },
    ],
  },
  {
    tenant: 'robertsfors',
    name: 'Robertsfors kommun',
    organisationNumber: '212000-2742',
    bodies: [
      { code: 'SU', name: 'Sociala utskottet', kind: 'committee' },
      { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '/', digits: 3 } },
      { code: 'KF', name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits: 3 } },
    ],
  },
  {
    tenant: 'linkoping',
    name: 'Linköpings kommun',
    organisationNumber: '212000-0449',
    bodies: [
      { code: 'SON', name: 'Social- och omsorgsnämnden', kind: 'board', diarium: { separator: '-', digits: 0 } },
      { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '/', digits: 4 } },
      { code: 'KF', name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits: 4 } },
    ],
  },
];

export function municipality(tenant: string): Municipality | undefined {
  return MUNICIPALITIES.find((m) => m.tenant === tenant);
}

export function formatDiarienummer(bodyCode: string, series: DiariumSeries, year: number, number: number): string {
  return `${bodyCode} ${year}${series.separator}${String(number).padStart(series.digits, '0')}`;
}
