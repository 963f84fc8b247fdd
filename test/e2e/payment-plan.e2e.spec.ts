import { linkoping } from '../../src/demo/seed-cases';
import { bearer, TestApi, type Caller } from '../support/api';
import { walk } from '../support/seed-walk';

/**
 * Issue 11, items 3–4 over HTTP: Linköping's agreement, 472 200 kr a year indexed by OPI from 2024,
 * over its three years, with OPI as the tenant's reference data has it (the demo's values: 2024
 * +4,10 % forecast, revised to +3,90 % final on 2024-12-12; 2025 +3,20 % forecast). Each year is
 * paid with the values known that day; revisions published after a payment give adjustment lines
 * (to reclaim, to pay) and their deadlines.
 */
const officer: Caller = { roles: ['handlaggare'], tenant: 'linkoping', name: 'John Fristedt' };
const admin: Caller = { roles: ['admin'], tenant: 'linkoping', sub: 'lena.admin', name: 'Lena Admin' };
const NBSP = /\u00a0/g;

describe('the payment plan of an indexed case', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId } = await walk(api, 'linkoping', linkoping, Object.keys(linkoping).slice(0, Object.keys(linkoping).indexOf('evaluation2023') + 1)));
  }, 120_000);
  afterAll(() => api.stop());

  const pay = async (date: string, amount: string, year = date.slice(0, 4)) => {
    api.on(date);
    const response = await api
      .http()
      .post(`/cases/${caseId}/commands/record-payment`)
      .set(await bearer(officer))
      .send({ amount, paidOn: date, covers: { start: `${year}-01-01`, end: `${year}-12-31` }, reference: null });
    expect(response.status).toBe(200);
  };
  const view = async () =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer(officer))
    ).body;
  const deadlines = async () => {
    const { body } = await api
      .http()
      .get(`/cases/${caseId}/deadlines`)
      .set(await bearer(officer));
    return Object.fromEntries((body.deadlines as { key: string; date: string; status: string; explanation: { sv: string } }[]).map((d) => [d.key, d]));
  };

  it('pays each year as the index values known that day say, and shows what a revision after payment leaves', async () => {
    // 2024, paid on the forecast: 472 200,00 kr × (1 + 4,10 %) = 491 560,20 kr.
    await pay('2024-01-19', '491560.20');
    // 2025, paid after 2024 became final at +3,90 %: 490 615,80 kr × (1 + 3,20 %) = 506 315,51 kr.
    await pay('2025-01-17', '506315.51');

    // SKR revises 2025 upwards after it was paid.
    api.on('2025-04-30');
    const published = await api
      .http()
      .post('/reference-data/index-series/OPI/values')
      .set(await bearer(admin))
      .send({ year: 2025, percent: '3.50', status: 'final', publishedOn: '2025-04-30' });
    expect(published.status).toBe(200);

    api.on('2025-06-02');
    const { money } = await view();
    const [y2023, y2024, y2025] = money.plan.years;
    expect(y2023).toMatchObject({ year: 2023, planned: '472200.00', paid: '472200.00', outstanding: '0.00', overpaid: '0.00' });
    expect(y2023.value.amount).toBe('813514.00'); // with the volunteer work valued at 341 314 kr

    // 2024: paid on the forecast (+4,10 %); final at +3,90 %: 490 615,80 − 491 560,20 = −944,40 kr to reclaim.
    expect(y2024.lines.map((l: { kind: string; amount: { amount: string }; dueOn: string }) => [l.kind, l.amount.amount, l.dueOn])).toEqual([
      ['due', '491560.20', '2024-01-31'],
      ['adjustment', '-944.40', '2025-01-11'],
    ]);
    expect(y2024).toMatchObject({ planned: '490615.80', paid: '491560.20', outstanding: '0.00', overpaid: '944.40' });

    // 2025: paid with the forecast (+3,20 %); final at +3,50 %: 490 615,80 × 1,035 = 507 787,35; − 506 315,51 = 1 471,84 kr to pay.
    const [line2025, adjustment2025] = y2025.lines;
    expect(line2025.amount.amount).toBe('506315.51');
    expect(adjustment2025).toMatchObject({ kind: 'adjustment', basis: 'index-revision:OPI', dueOn: '2025-05-30', amount: { amount: '1471.84' } });
    expect(adjustment2025.amount.explanation.sv.replace(NBSP, ' ')).toContain(
      'OPI reviderat efter utbetalningen 2025-01-17: 507 787,35 kr med värdena nu − 506 315,51 kr med värdena då = 1 471,84 kr att betala',
    );
    expect(adjustment2025.amount.explanation.en).toContain('OPI 2025 +3.50% (final, published 2025-04-30, version 2)');
    expect(y2025).toMatchObject({ planned: '507787.35', paid: '506315.51', outstanding: '1471.84' });

    // Their deadlines, in the existing machinery: the additional payment is overdue, and so is the reclaim.
    const due = await deadlines();
    expect(due['payment-adjustment:2025:bidrag']).toMatchObject({ date: '2025-05-30', status: 'overdue' });
    expect(due['payment-adjustment:2025:bidrag'].explanation.sv).toMatch(/^tilläggsutbetalning för 2025/);
    expect(due['payment-adjustment:2024:bidrag']).toMatchObject({ date: '2025-01-11', status: 'overdue' });
    expect(due['payment-adjustment:2024:bidrag'].explanation.sv).toMatch(/^återkrav för 2024/);

    // Paying the difference meets the deadline and settles the year.
    await pay('2025-06-02', '1471.84');
    expect((await deadlines())['payment-adjustment:2025:bidrag']).toMatchObject({ status: 'met' });
    expect((await view()).money.plan.years[2]).toMatchObject({ outstanding: '0.00', overpaid: '0.00' });
  }, 120_000);
});
