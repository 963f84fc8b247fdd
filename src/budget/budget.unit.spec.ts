import { describe, expect, it } from '@jest/globals';
import { linkoping, robertsfors } from '../demo/seed-cases';
import { fold, NO_INDEX_VALUES, paymentPlan, type CaseFacts } from '../lifecycle';
import { kronor, ore } from '../money';
import { seedEvents } from '../../test/support/seeded-cases';
import { budgetCsv, spreadsheetKronor } from './budget-csv';
import { budgetCase, budgetOf, type BudgetCase } from './budget';

/** A seed case's facts before step `until` (all steps without it). */
const factsOf = (seed: Parameters<typeof seedEvents>[0], until?: string): CaseFacts => fold(seedEvents(seed, until)).context;
const lineOf = (facts: CaseFacts, year: number, caseId = 'c') => budgetCase(caseId, facts, year, NO_INDEX_VALUES);

describe("a case's line of the budget", () => {
  it("is the plan's year, the one GET /cases/:id shows (Robertsfors: 3 kr × 6 784 = 20 352 kr, decided by KS after SU recommended)", () => {
    const facts = factsOf(robertsfors);
    const planYear = paymentPlan(facts).years.find((y) => y.year === 2018)!;
    expect(lineOf(facts, 2018)).toEqual({
      caseId: 'c',
      diarienummer: 'KS 2017/0412',
      body: { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' },
      organisation: expect.objectContaining({ organisationNumber: expect.stringMatching(/^\d{6}-\d{4}$/) }),
      planned: planYear.planned,
      paid: planYear.paid,
      outstanding: planYear.outstanding,
      overpaid: planYear.overpaid,
    });
    expect(planYear.planned).toBe(kronor(20_352));
  });

  it('is not yet decided (no body) before a body approves, and nothing for a year outside the period', () => {
    expect(lineOf(factsOf(linkoping, 'approve'), 2023)?.body).toBeNull();
    expect(lineOf(factsOf(linkoping), 2026)).toBeUndefined();
    expect(lineOf(factsOf(linkoping, 'submit'), 2023)).toBeUndefined(); // no terms yet
  });

  it('leaves out a case closed without an agreement, and keeps one that was approved and later terminated', () => {
    const withdrawn: CaseFacts = { ...factsOf(linkoping, 'approve'), closed: { as: 'withdrawn', on: '2022-11-01' } };
    const rejected: CaseFacts = { ...factsOf(linkoping), closed: { as: 'rejected', on: '2022-11-09' } };
    expect(lineOf(withdrawn, 2023)).toBeUndefined();
    expect(lineOf(rejected, 2023)).toBeUndefined();
    expect(lineOf(factsOf(linkoping), 2023)?.body?.code).toBe('SON');
  });
});

describe('the budget of a year', () => {
  const line = (caseId: string, code: string | null, org: string, planned: number, paid: number): BudgetCase => ({
    caseId,
    diarienummer: `${code ?? 'X'} ${caseId}`,
    body: code === null ? null : { code, name: `Nämnd ${code}`, kind: 'board' },
    organisation: { name: `Förening ${org}`, organisationNumber: org },
    planned: ore(planned),
    paid: ore(paid),
    outstanding: ore(Math.max(planned - paid, 0)),
    overpaid: ore(Math.max(paid - planned, 0)),
  });
  const lines = [line('a', 'SON', '1', 100_00, 100_00), line('b', 'KS', '1', 50_01, 0), line('c', 'SON', '2', 10_00, 12_50), line('d', null, '3', 7_00, 0)];
  const budget = budgetOf(2024, lines);

  it('sums the commitments per body and per organisation, no öre lost; the undecided apart', () => {
    expect(budget.total).toEqual({ cases: 3, planned: ore(160_01), paid: ore(112_50), outstanding: ore(50_01), overpaid: ore(2_50) });
    expect(budget.bodies.map((b) => [b.body.code, b.cases, b.planned])).toEqual([
      ['KS', 1, ore(50_01)],
      ['SON', 2, ore(110_00)],
    ]);
    expect(budget.organisations.map((o) => [o.organisation.organisationNumber, o.cases, o.planned, o.overpaid])).toEqual([
      ['1', 2, ore(150_01), ore(0)],
      ['2', 1, ore(10_00), ore(2_50)],
    ]);
    expect(budget.notYetDecided).toEqual({ cases: 1, planned: ore(7_00), paid: ore(0), outstanding: ore(7_00), overpaid: ore(0) });
    expect(budget.cases.map((c) => c.caseId)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('writes CSV for a Swedish spreadsheet: BOM, semicolons, decimal comma, formula cells neutralised', () => {
    const hostile = budgetOf(2024, [
      { ...line('e', 'KS', '4', -1200_00, 0), organisation: { name: '=HYPERLINK("http://x";"klicka")', organisationNumber: '4' } },
    ]);
    const csv = budgetCsv(hostile);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toBe('Ärende;Nämnd KS;KS;"\'=HYPERLINK(""http://x"";""klicka"")";4;KS e;1;-1200,00;0,00;0,00;1200,00');
    expect(rows.at(-2)).toBe('Summa åtaganden 2024;;;;;;1;-1200,00;0,00;0,00;1200,00');
    expect(spreadsheetKronor(ore(10_557_440))).toBe('105574,40');
  });
});
