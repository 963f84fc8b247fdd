import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays } from '../calendar';
import { linkoping, osterakerBrottsofferjouren, robertsfors } from '../demo/seed-cases';
import { add, indexChain, kronor, ore, subtract, type IndexSeries, type IndexValue, type Ore } from '../money';
import type { CaseFacts } from './case.facts';
import type { FundingLine, Terms } from './case.values';
import { paymentPlan, seriesLookup, type PaymentPlan } from './payment-plan';

const NBSP = '\u00a0';
const plain = (text: string) => text.replaceAll(NBSP, ' ');

type PlanFacts = Pick<CaseFacts, 'agreedTerms' | 'amendments' | 'payments'>;
const facts = (agreedTerms: Terms, payments: CaseFacts['payments'] = [], amendments: CaseFacts['amendments'] = []): PlanFacts => ({
  agreedTerms,
  amendments,
  payments,
});
const payment = (year: number, amount: Ore, paidOn = `${year}-01-20`) => ({
  amount,
  paidOn,
  covers: { start: `${year}-01-01`, end: `${year}-12-31` },
  reference: null,
});
const opi = (...values: IndexValue[]): IndexSeries => ({ code: 'OPI', name: 'Omsorgsprisindex', values });
const value = (year: number, basisPoints: number, status: IndexValue['status'], publishedOn: string, version = 1): IndexValue => ({
  year,
  basisPoints,
  status,
  publishedOn,
  version,
});
const year = (plan: PaymentPlan, y: number) => plan.years.find((p) => p.year === y)!;

/** OPI as illustrated by Linköping's payments: +4,10 % for 2024, +3,20 % for 2025, both final. */
const OPI = opi(value(2024, 410, 'final', '2023-12-12'), value(2025, 320, 'final', '2024-12-10'));

describe('the seeds’ figures', () => {
  const terms = linkoping.submit.terms;

  it('Linköping: 472 200 kr from the board + 341 314 kr of volunteer work = 813 514 kr, paid by 31 January', () => {
    const plan = paymentPlan(facts(terms), seriesLookup([OPI]));
    const first = year(plan, 2023);
    expect(first.lines).toHaveLength(1); // the volunteer work is valued, not paid
    expect(first.lines[0]).toMatchObject({ lineId: 'bidrag', kind: 'due', dueOn: '2023-01-31', basis: 'fixed', amount: { amount: kronor(472_200) } });
    expect(first.value.amount).toBe(kronor(813_514));
    expect(plain(first.value.explanation.sv)).toBe('472 200,00 kr (Bidrag från social- och omsorgsnämnden) + 341 314,00 kr (Ideell insats) = 813 514,00 kr');
  });

  it('Linköping indexed by OPI from 2024: each year the previous year’s amount × (1 + OPI), rounded to the öre once', () => {
    const plan = paymentPlan(facts(terms), seriesLookup([OPI]));
    expect(plan.years.map((y) => [y.year, y.planned])).toEqual([
      [2023, kronor(472_200)],
      [2024, ore(49_156_020)], // 472 200,00 × 1,0410 = 491 560,20
      [2025, ore(50_729_013)], // 491 560,20 × 1,0320 = 507 290,1264 → 507 290,13
    ]);
    const line2025 = year(plan, 2025).lines[0];
    expect(line2025.basis).toBe('indexed:OPI');
    expect(plain(line2025.amount.explanation.sv)).toContain(
      '2025: 491 560,20 kr × (1 +3,20 %) = 507 290,13 kr, OPI 2025 +3,20 % (slutligt, publicerat 2024-12-10, version 1)',
    );
  });

  it('Linköping’s payments meet the plan to the öre', () => {
    const payments = [linkoping.payment2023, linkoping.payment2024, linkoping.payment2025].map(
      ({ type: _t, now: _n, ...p }) => p as CaseFacts['payments'][number],
    );
    const plan = paymentPlan(facts(terms, payments), seriesLookup([OPI]));
    expect([plan.planned, plan.paid, plan.outstanding, plan.overpaid]).toEqual([ore(147_105_033), ore(147_105_033), 0, 0]);
  });

  it('Robertsfors: 3 kr × 6 784 inhabitants = 20 352 kr a year', () => {
    const plan = paymentPlan(facts(robertsfors.submit.terms));
    expect(plan.years.map((y) => y.planned)).toEqual([kronor(20_352), kronor(20_352), kronor(20_352)]);
    expect(plain(year(plan, 2018).lines[0].amount.explanation.sv)).toBe('3,00 kr × 6 784 invånare (2017-11-01) = 20 352,00 kr');
    expect(year(plan, 2018).lines[0].amount.explanation.en).toBe('3.00 kr × 6,784 inhabitants (2017-11-01) = 20,352.00 kr');
  });

  it('Österåker: 3 kr per inhabitant and a föreningsbidrag of 2 kr per inhabitant stay two lines, never mixed', () => {
    const [grant] = osterakerBrottsofferjouren.submit.terms.fundingLines;
    const inhabitants = { count: 48_000, asOf: '2022-12-31' };
    const association: FundingLine = {
      id: 'foreningsbidrag',
      label: 'Föreningsbidrag',
      kind: 'perInhabitant',
      ratePerInhabitant: kronor(2),
      inhabitants,
      indexation: null,
    };
    const plan = paymentPlan(facts({ ...osterakerBrottsofferjouren.submit.terms, fundingLines: [grant, association] }));
    const lines = year(plan, 2024).lines;
    expect(lines.map((l) => [l.lineId, l.amount.amount, l.dueOn])).toEqual([
      ['bidrag', kronor(144_000), null], // on invoice: no date
      ['foreningsbidrag', kronor(96_000), null],
    ]);
    expect(year(plan, 2024).planned).toBe(kronor(240_000));
  });

  it('an own contribution as hours × an hourly value: 1 500 h × 227,54 kr = 341 310 kr', () => {
    const terms2 = {
      ...terms,
      fundingLines: [
        terms.fundingLines[0],
        { id: 'ideell-insats', label: 'Ideell insats', kind: 'ownContribution' as const, hours: 1_500, hourlyValue: ore(22_754), statedValue: null },
      ],
    };
    const own = year(paymentPlan(facts(terms2)), 2023).ownContribution[0];
    expect(own.amount).toBe(kronor(341_310));
    expect(plain(own.explanation.sv)).toBe('227,54 kr × 1 500 timmar = 341 310,00 kr');
  });
});

describe('an index value revised after the year was paid', () => {
  const terms = linkoping.submit.terms;
  const forecast = value(2025, 320, 'forecast', '2024-12-10');
  const paid = [payment(2023, kronor(472_200)), payment(2024, ore(49_156_020)), payment(2025, ore(50_729_013), '2025-01-17')];

  it('upwards: the year keeps its line as paid and gets an adjustment to pay, due 30 days after the revision', () => {
    const revised = opi(OPI.values[0], forecast, value(2025, 350, 'final', '2025-04-30', 2));
    const plan = paymentPlan(facts(terms, paid), seriesLookup([revised]));
    const [line, adjustment] = year(plan, 2025).lines;
    expect(line.amount.amount).toBe(ore(50_729_013)); // as paid, with the forecast
    // 491 560,20 × 1,0350 = 508 764,807 → 508 764,81; − 507 290,13 = 1 474,68
    expect(adjustment).toMatchObject({
      kind: 'adjustment',
      lineId: 'bidrag',
      basis: 'index-revision:OPI',
      dueOn: '2025-05-30',
      amount: { amount: ore(147_468) },
    });
    expect(plain(adjustment.amount.explanation.sv)).toContain(
      'OPI reviderat efter utbetalningen 2025-01-17: 508 764,81 kr med värdena nu − 507 290,13 kr med värdena då = 1 474,68 kr att betala',
    );
    expect(year(plan, 2025)).toMatchObject({ planned: ore(50_876_481), paid: ore(50_729_013), outstanding: ore(147_468), overpaid: 0 });
    const settled = paymentPlan(facts(terms, [...paid, payment(2025, ore(147_468), '2025-05-20')]), seriesLookup([revised]));
    expect(year(settled, 2025).outstanding).toBe(0);
  });

  it('downwards: an adjustment to reclaim, the year overpaid until it is', () => {
    const revised = opi(OPI.values[0], forecast, value(2025, 300, 'final', '2025-04-30', 2));
    const plan = paymentPlan(facts(terms, paid), seriesLookup([revised]));
    const adjustment = year(plan, 2025).lines[1];
    // 491 560,20 × 1,0300 = 506 307,006 → 506 307,01; − 507 290,13 = −983,12
    expect(adjustment.amount.amount).toBe(ore(-98_312));
    expect(adjustment.amount.explanation.en).toContain('= -983.12 kr to reclaim');
    expect(year(plan, 2025)).toMatchObject({ outstanding: 0, overpaid: ore(98_312) });
  });

  it('a forecast is used while there is no final value, and a year without a value keeps the previous amount', () => {
    const plan = paymentPlan(facts(terms), seriesLookup([opi(value(2024, 410, 'forecast', '2023-12-12'))]));
    expect(year(plan, 2024).planned).toBe(ore(49_156_020));
    expect(year(plan, 2025).planned).toBe(ore(49_156_020));
    expect(year(plan, 2025).lines[0].amount.explanation.en).toContain('OPI 2025 is not yet known');
  });
});

describe('amendments and payments over several years', () => {
  const base: Terms = {
    ...linkoping.submit.terms,
    fundingLines: [{ id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: kronor(472_200), indexation: null }],
  };

  it('an amendment effective within a year: each terms for its days, rounded once', () => {
    const raised = { ...base, fundingLines: [{ ...base.fundingLines[0], amountPerYear: kronor(500_000) }] } as Terms;
    const plan = paymentPlan(facts(base, [], [{ terms: raised, reason: 'Utökat uppdrag', agreedOn: '2024-05-02', effectiveFrom: '2024-07-01' }]));
    // 2024 has 366 days: 182 under the old terms, 184 under the new.
    const expected = Math.round((47_220_000 * 182 + 50_000_000 * 184) / 366);
    expect(year(plan, 2024).planned).toBe(expected);
    expect(plain(year(plan, 2024).lines[0].amount.explanation.sv)).toContain('472 200,00 kr × 182/366 + 500 000,00 kr × 184/366');
    expect(year(plan, 2025).planned).toBe(kronor(500_000));
    expect(year(plan, 2023).planned).toBe(kronor(472_200));
  });

  it('a payment covering two years counts for each by its days', () => {
    const twoYears = { amount: kronor(731), paidOn: '2023-01-10', covers: { start: '2023-01-01', end: '2024-12-31' }, reference: null };
    const plan = paymentPlan(facts(base, [twoYears]));
    expect([year(plan, 2023).paid, year(plan, 2024).paid]).toEqual([kronor(365), kronor(366)]);
  });
});

describe('properties of the plan', () => {
  const amount = fc.integer({ min: 0, max: 10 ** 9 }).map(ore);
  const basisPoints = fc.integer({ min: -500, max: 1_500 });
  const lines = fc.array(amount, { minLength: 1, maxLength: 4 }).map((amounts) =>
    amounts.map((a, i): FundingLine => ({
      id: `rad-${i}`,
      label: `Rad ${i}`,
      kind: 'fixed',
      amountPerYear: a,
      indexation: i === 0 ? { index: 'OPI', from: '2024-01-01' } : null,
    })),
  );
  const terms = (fundingLines: FundingLine[]): Terms => ({
    fundingLines,
    period: { start: '2023-01-01', end: '2026-12-31' },
    noticeMonths: 6,
    paymentSchedule: 'yearly-in-january',
    exclusions: [],
  });
  const series = fc
    .array(basisPoints, { minLength: 3, maxLength: 3 })
    .map((bps) => opi(...bps.map((bp, i) => value(2024 + i, bp, 'final', `${2023 + i}-12-10`))));
  const payments = fc.array(
    fc.record({ amount, start: fc.integer({ min: 0, max: 1_400 }), days: fc.integer({ min: 1, max: 700 }) }).map(({ amount: a, start, days }) => {
      const from = addDays('2023-01-01', start);
      const to = addDays(from, days) > '2026-12-31' ? '2026-12-31' : addDays(from, days);
      return { amount: a, paidOn: '2023-01-01', covers: { start: from, end: to }, reference: null };
    }),
    { maxLength: 5 },
  );

  it('the lines sum to each year’s total, the years to the plan’s; outstanding − overpaid = planned − paid', () => {
    fc.assert(
      fc.property(lines, series, payments, (fundingLines, opiSeries, paid) => {
        const plan = paymentPlan(facts(terms(fundingLines), paid), seriesLookup([opiSeries]));
        for (const y of plan.years) {
          expect(y.planned).toBe(add(...y.lines.map((l) => l.amount.amount)));
          expect(subtract(y.outstanding, y.overpaid)).toBe(subtract(y.planned, y.paid));
        }
        expect(plan.planned).toBe(add(...plan.years.map((y) => y.planned)));
        // Every öre paid lands in exactly one year.
        expect(plan.paid).toBe(add(...paid.map((p) => p.amount)));
      }),
    );
  });

  it('no öre appears or vanishes when a year is split by an amendment that keeps the amounts', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 1_459 }), series, (fundingLines, offset, opiSeries) => {
        const same = terms(fundingLines);
        const effectiveFrom = addDays('2023-01-01', offset);
        const split = paymentPlan(facts(same, [], [{ terms: same, reason: 'x', agreedOn: effectiveFrom, effectiveFrom }]), seriesLookup([opiSeries]));
        const whole = paymentPlan(facts(same), seriesLookup([opiSeries]));
        expect(split.years.map((y) => y.planned)).toEqual(whole.years.map((y) => y.planned));
      }),
    );
  });

  it('index chains are reproducible: the order values arrive in, or where the chain is restarted, changes nothing', () => {
    fc.assert(
      fc.property(amount, series, fc.integer({ min: 2025, max: 2026 }), (base, opiSeries, restart) => {
        const chain = indexChain(base, opiSeries, 'OPI', 2024, 2026);
        const shuffled = { ...opiSeries, values: [...opiSeries.values].reverse() };
        expect(indexChain(base, shuffled, 'OPI', 2024, 2026)).toEqual(chain);
        const before = chain.find((step) => step.year === restart - 1)!.amount.amount;
        const tail = indexChain(before, opiSeries, 'OPI', restart, 2026);
        expect(tail.map((step) => step.amount.amount)).toEqual(chain.filter((step) => step.year >= restart).map((step) => step.amount.amount));
      }),
    );
  });
});
