import { describe, expect, it } from '@jest/globals';
import { isValidOrganisationNumber } from '../lifecycle';
import { evolveReferenceData, nothingSetUp, type ReferenceData } from '../reference-data/reference-data';
import { DEMO_MUNICIPALITIES, onboardingChanges } from './demo-reference-data';

/** The demo municipalities as the store folds them: each change decided on the data as it stands. */
const onboarded = (tenant: string): ReferenceData => {
  const demo = DEMO_MUNICIPALITIES.find((m) => m.tenant === tenant)!;
  return onboardingChanges(demo).reduce((data, change) => change(data).reduce(evolveReferenceData, data), nothingSetUp(tenant));
};

describe('the demo municipalities’ reference data', () => {
  it.each(DEMO_MUNICIPALITIES.map((m) => [m.tenant]))('%s: a valid organisationsnummer, bodies that register keep a series, no committee does', (tenant) => {
    const data = onboarded(tenant);
    expect(isValidOrganisationNumber(data.municipality!.organisationNumber)).toBe(true);
    expect(data.bodies.some((b) => b.diarium !== null)).toBe(true);
    expect(data.bodies.filter((b) => b.kind === 'committee').every((b) => b.diarium === null)).toBe(true);
  });

  it('Robertsfors: 3 kr × its 6 784 inhabitants of 2018 are the 20 352 kr its report states', () => {
    const [figure] = onboarded('robertsfors').inhabitants;
    expect(figure).toEqual({ year: 2018, asOf: '2017-11-01', count: 6_784 });
    expect(3 * figure.count).toBe(20_352);
  });

  it('Linköping: OPI for 2024–2026, 2024 revised from forecast to final with the forecast kept', () => {
    const [opi] = onboarded('linkoping').indexSeries;
    expect(opi.values.map((v) => [v.year, v.version, v.status, v.basisPoints])).toEqual([
      [2024, 1, 'forecast', 410],
      [2024, 2, 'final', 390],
      [2025, 1, 'forecast', 320],
      [2026, 1, 'forecast', 280],
    ]);
  });
});
