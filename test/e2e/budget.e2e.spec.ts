import { command, linkoping, osterakerBrottsofferjouren as osteraker } from '../../src/demo/seed-cases';
import { add, parseKronor, toKronorString, type Ore } from '../../src/money';
import { bearer, TestApi, type Caller } from '../support/api';
import { walk } from '../support/seed-walk';

/**
 * Issue 11, item 6 over HTTP: `GET /budget?year=` is the sum of the cases' payment plans as
 * `GET /cases/:id` shows them, per deciding body and per organisation, in JSON and in CSV; another
 * tenant's cases never appear; a refused request answers with a code and changes nothing.
 *
 * Linköping's tenant holds its own agreement (decided by SON, paid for 2023 and 2024), Österåker's
 * agreement walked in it too (decided by KS, on invoice, overpaid for 2024), and an application no
 * body has decided on yet. Österåker's tenant holds the same Österåker agreement: never in Linköping's budget.
 */
const official: Caller = { roles: ['namndsekreterare'], tenant: 'linkoping' };
const YEAR = 2024;

/** Österåker's agreement, decided by KS, signed in Linköping's tenant (the municipality party is the tenant's own). */
const osterakerSigned = {
  ...osteraker,
  signMunicipality: command('sign', '2023-10-05', {
    party: 'municipality',
    signatory: linkoping.signMunicipality.signatory,
    organisationNumber: '212000-0449',
    signedOn: '2023-10-05',
  }),
  signOrganisation: command('sign', '2023-10-06', {
    party: 'organisation',
    signatory: { name: 'Firmatecknare för Brottsofferjouren Roslagen', title: 'Firmatecknare' },
    organisationNumber: '8024789128',
    signedOn: '2023-10-06',
  }),
};

interface Amounts {
  planned: string;
  paid: string;
  outstanding: string;
  overpaid: string;
}
interface PlanYear extends Amounts {
  year: number;
}
const FIELDS = ['planned', 'paid', 'outstanding', 'overpaid'] as const;

/** The sums of amounts in kronor strings, added in öre. */
const sumOf = (rows: readonly Amounts[]): Amounts =>
  Object.fromEntries(FIELDS.map((field) => [field, toKronorString(add(...rows.map((row) => parseKronor(row[field]) as Ore)))])) as unknown as Amounts;
const amountsOf = (row: Amounts): Amounts => Object.fromEntries(FIELDS.map((field) => [field, row[field]])) as unknown as Amounts;

describe('GET /budget', () => {
  let api: TestApi;
  const ids = { linkoping: '', osteraker: '', undecided: '', otherTenant: '' };

  beforeAll(async () => {
    api = await TestApi.start({}, new Date('2023-01-02T09:00:00Z'));
    ids.otherTenant = (await walk(api, 'osteraker', osteraker)).caseId;
    ids.osteraker = (await walk(api, 'linkoping', osterakerSigned)).caseId;
    ids.undecided = (await walk(api, 'linkoping', linkoping, ['submit'])).caseId;
    const steps = Object.keys(linkoping);
    ids.linkoping = (await walk(api, 'linkoping', linkoping, steps.slice(0, steps.indexOf('payment2024') + 1))).caseId;
    api.on('2024-03-01');
    const overpaid = await api
      .http()
      .post(`/cases/${ids.osteraker}/commands/record-payment`)
      .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping' }))
      .send({ amount: '150000.00', paidOn: '2024-03-01', covers: { start: '2024-01-01', end: '2024-12-31' }, reference: 'Faktura 2024-17' });
    expect([overpaid.status, overpaid.body.code]).toEqual([200, undefined]);
  });
  afterAll(() => api.stop());

  const budget = async (query: string, caller: Caller = official, headers: Record<string, string> = {}) =>
    api
      .http()
      .get(`/budget${query}`)
      .set({ ...(await bearer(caller)), ...headers });

  /** The year of a case's plan as GET /cases/:id gives it. */
  const planYear = async (caseId: string, tenant = 'linkoping'): Promise<PlanYear> => {
    const { body } = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer({ roles: ['handlaggare'], tenant }));
    return (body.money.plan.years as PlanYear[]).find((y) => y.year === YEAR)!;
  };

  it("sums the cases' plans of the year per body and per organisation, the undecided apart", async () => {
    const [son, ks, undecided] = await Promise.all([planYear(ids.linkoping), planYear(ids.osteraker), planYear(ids.undecided)]);
    const { status, body } = await budget(`?year=${YEAR}`);
    expect(status).toBe(200);

    expect(body.year).toBe(YEAR);
    expect(body.total).toEqual({ cases: 2, ...sumOf([son, ks]) });
    expect(body.bodies).toEqual([
      { body: { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' }, cases: 1, ...amountsOf(ks) },
      { body: { code: 'SON', name: 'Social- och omsorgsnämnden', kind: 'board' }, cases: 1, ...amountsOf(son) },
    ]);
    expect(body.organisations).toEqual([
      { organisation: { name: 'Brottsofferjouren i Linköping', organisationNumber: '822004-0417' }, cases: 1, ...amountsOf(son) },
      { organisation: { name: 'Brottsofferjouren Roslagen', organisationNumber: '802478-9128' }, cases: 1, ...amountsOf(ks) },
    ]);
    expect(body.notYetDecided).toEqual({ cases: 1, ...amountsOf(undecided) });
    expect(body.cases.map((c: { caseId: string; body: { code: string } | null }) => [c.caseId, c.body?.code ?? null])).toEqual([
      [ids.osteraker, 'KS'],
      [ids.linkoping, 'SON'],
      [ids.undecided, null],
    ]);
    // The figures themselves: Österåker 3 kr × 48 000 = 144 000 kr on invoice, 150 000 paid; Linköping paid 491 560,20 kr for 2024.
    expect(amountsOf(ks)).toEqual({ planned: '144000.00', paid: '150000.00', outstanding: '0.00', overpaid: '6000.00' });
    expect(son.paid).toBe('491560.20');
  });

  it('gives the same figures as CSV for a Swedish spreadsheet, by format or by Accept', async () => {
    const json = (await budget(`?year=${YEAR}`)).body;
    const byFormat = await budget(`?year=${YEAR}&format=csv`);
    const byAccept = await budget(`?year=${YEAR}`, official, { Accept: 'text/csv' });
    expect(byFormat.status).toBe(200);
    expect(byFormat.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byFormat.headers['content-disposition']).toBe(`attachment; filename="budget-${YEAR}.csv"`);
    expect(byAccept.text).toBe(byFormat.text);

    expect(byFormat.text.startsWith('\uFEFF')).toBe(true);
    const rows = byFormat.text
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(rows[0]).toEqual([
      'Rad',
      'Beslutande organ',
      'Organkod',
      'Organisation',
      'Organisationsnummer',
      'Diarienummer',
      'Antal ärenden',
      'Planerat (kr)',
      'Betalt (kr)',
      'Kvar att betala (kr)',
      'Överbetalt (kr)',
    ]);
    const swedish = (amounts: Amounts & { cases: number }) => [String(amounts.cases), ...FIELDS.map((field) => amounts[field].replace('.', ','))];
    const rowOf = (kind: string, label: string) => rows.find((row) => row[0] === kind && row.includes(label))!.slice(6);
    expect(rowOf('Summa per organ', 'SON')).toEqual(swedish(json.bodies[1]));
    expect(rowOf('Summa per organ', 'KS')).toEqual(swedish(json.bodies[0]));
    expect(rowOf('Summa per organisation', '802478-9128')).toEqual(swedish(json.organisations[1]));
    expect(rowOf('Summa ej beslutat', 'Ej beslutat')).toEqual(swedish(json.notYetDecided));
    expect(rows.at(-1)).toEqual([`Summa åtaganden ${YEAR}`, '', '', '', '', '', ...swedish(json.total)]);
    expect(rows.filter((row) => row[0] === 'Ärende')).toHaveLength(json.cases.length);
    expect(rows.find((row) => row[0] === 'Ärende' && row[2] === 'KS')!.slice(7)).toEqual(['144000,00', '150000,00', '0,00', '6000,00']);
  });

  it("never shows another tenant's cases, and a year no plan has is empty", async () => {
    const linkopings = (await budget(`?year=${YEAR}`)).body;
    expect(JSON.stringify(linkopings)).not.toContain(ids.otherTenant);
    const ostérakers = (await budget(`?year=${YEAR}`, { roles: ['chef'], tenant: 'osteraker' })).body;
    expect(ostérakers.cases.map((c: { caseId: string }) => c.caseId)).toEqual([ids.otherTenant]);
    expect(ostérakers.total).toEqual({ cases: 1, ...amountsOf(await planYear(ids.otherTenant, 'osteraker')) });

    const empty = (await budget('?year=2030')).body;
    const zero = { cases: 0, planned: '0.00', paid: '0.00', outstanding: '0.00', overpaid: '0.00' };
    expect(empty).toEqual({ year: 2030, total: zero, bodies: [], organisations: [], notYetDecided: zero, cases: [] });
  });

  it("refuses a bad year with 400 and an organisation's representative with 403, changing nothing", async () => {
    const events = async () => (await api.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const before = { events: await events(), budget: (await budget(`?year=${YEAR}`)).body };
    const refusals = [
      [await budget(''), 400, 'VALIDATION_FAILED'],
      [await budget('?year=twenty'), 400, 'VALIDATION_FAILED'],
      [await budget('?year=20245'), 400, 'VALIDATION_FAILED'],
      [await budget(`?year=${YEAR}&format=xlsx`), 400, 'VALIDATION_FAILED'],
      [await budget(`?year=${YEAR}&secret=1`), 400, 'VALIDATION_FAILED'],
      [await budget(`?year=${YEAR}`, { roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' }), 403, 'FORBIDDEN_ROLE'],
      [await budget('?year=bad', { roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' }), 403, 'FORBIDDEN_ROLE'],
      [await budget(`?year=${YEAR}`, { roles: ['signatory'], tenant: 'linkoping' }), 403, 'FORBIDDEN_ROLE'],
    ] as const;
    for (const [response, status, code] of refusals) expect([response.status, response.body.code]).toEqual([status, code]);
    expect(await events()).toBe(before.events);
    expect((await budget(`?year=${YEAR}`)).body).toEqual(before.budget);
  });

  it('answers every official role of the municipality', async () => {
    for (const role of ['chef', 'handlaggare', 'namndsekreterare', 'admin', 'auditor'] as const) {
      expect((await budget(`?year=${YEAR}`, { roles: [role], tenant: 'linkoping' })).status).toBe(200);
    }
  });
});
