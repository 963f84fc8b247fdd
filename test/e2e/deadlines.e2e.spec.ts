import { linkoping, osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { bearer, TestApi, type Caller } from '../support/api';
import { eventually } from '../support/eventually';
import { walk } from '../support/seed-walk';

interface DeadlineBody {
  key: string;
  kind: string;
  date: string;
  rule: string;
  label: string;
  explanation: { sv: string; en: string };
  status: string;
  caseId?: string;
  diarienummer?: string;
  organisationName?: string;
}

const LINKOPING_ORG = '822004-0417';
const officer: Caller = { roles: ['handlaggare'], tenant: 'linkoping' };
const steps = (seed: object, until: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(until) + 1);

describe('seeing deadlines', () => {
  let api: TestApi;
  let caseId: string;
  let osterakerCase: string;
  beforeAll(async () => {
    api = await TestApi.start();
    // The demo's stages: Linköping active with follow-up under way, Österåker final and awaiting signatures.
    ({ caseId } = await walk(api, 'linkoping', linkoping, steps(linkoping, 'strategicMeeting')));
    ({ caseId: osterakerCase } = await walk(api, 'osteraker', osterakerBrottsofferjouren, steps(osterakerBrottsofferjouren, 'final')));
  });
  afterAll(() => api.stop());

  const caseDeadlines = async (id: string, caller: Caller = officer) =>
    api
      .http()
      .get(`/cases/${id}/deadlines`)
      .set(await bearer(caller));
  const byKey = (deadlines: DeadlineBody[]) => Object.fromEntries(deadlines.map((d) => [d.key, d]));
  const list = async (query: string, caller: Caller = officer) =>
    api
      .http()
      .get(`/deadlines${query}`)
      .set(await bearer(caller));

  describe('GET /cases/:id/deadlines', () => {
    it('gives each deadline its date, rule, explanation, Swedish label and status on the clock’s Stockholm date', async () => {
      api.on('2024-01-31');
      const { status, body } = await caseDeadlines(caseId);
      expect(status).toBe(200);
      expect(body).toMatchObject({ caseId, diarienummer: 'SON 2022-1', today: '2024-01-31' });
      const deadlines = byKey(body.deadlines);
      expect(deadlines['yearly-payment:2024']).toEqual({
        key: 'yearly-payment:2024',
        kind: 'yearly-payment',
        date: '2024-01-31',
        rule: 'payment-yearly-in-january',
        label: 'Årlig utbetalning 2024',
        explanation: {
          // 472 200 kr uprated by the tenant's OPI 2024 as its reference data holds it (final, 3,90 %).
          sv: 'årets utbetalning 2024 senast 31 januari enligt överenskommelsen: planerat 490\u00a0615,80\u00a0kr − betalt 0,00\u00a0kr = 490\u00a0615,80\u00a0kr kvar',
          en: 'the payment for 2024, by 31 January as agreed: planned 490,615.80 kr − paid 0.00 kr = 490,615.80 kr outstanding',
        },
        status: 'due-today',
      });
      expect(deadlines['appeal-window-ends']).toMatchObject({
        date: '2022-12-06',
        status: 'met',
        explanation: { sv: 'anslaget 2022-11-15 + 3 veckor = 2022-12-06' },
      });
      expect(deadlines['last-day-to-give-notice']).toMatchObject({
        date: '2025-06-30',
        status: 'upcoming',
        label: 'Sista dag att säga upp överenskommelsen',
        explanation: { sv: 'periodens slut 2025-12-31 − 6 månaders uppsägningstid = 2025-06-30' },
      });
      expect(deadlines['follow-up-meeting:strategic:2023-H1']).toMatchObject({ status: 'met' });
      expect(deadlines['follow-up-meeting:strategic:2023-H2']).toMatchObject({ date: '2023-12-31', status: 'overdue' });
      expect(deadlines['yearly-payment:2023']).toMatchObject({ status: 'met' });
      const dates = body.deadlines.map((d: DeadlineBody) => d.date);
      expect(dates).toEqual([...dates].sort());
    });

    it('moves statuses with the clock: a day later the payment is overdue', async () => {
      api.on('2024-02-01');
      expect(byKey((await caseDeadlines(caseId)).body.deadlines)['yearly-payment:2024'].status).toBe('overdue');
    });

    it('shows a deadline as met once the case records what meets it', async () => {
      const { type, date, role, body } = seedRequest(linkoping.payment2024);
      api.on(date);
      const paid = await api
        .http()
        .post(`/cases/${caseId}/commands/${type}`)
        .set(await bearer({ roles: [role], tenant: 'linkoping' }))
        .send(body);
      expect(paid.status).toBe(200);
      expect(byKey((await caseDeadlines(caseId)).body.deadlines)['yearly-payment:2024']).toMatchObject({ date: '2024-01-31', status: 'met' });
    });

    it('has the visibility of GET /cases/:id', async () => {
      expect((await caseDeadlines(caseId, { roles: ['organisation'], tenant: 'linkoping', org: LINKOPING_ORG })).status).toBe(200);
      expect((await caseDeadlines(caseId, { roles: ['organisation'], tenant: 'linkoping', org: '802478-9128' })).body).toMatchObject({
        statusCode: 404,
        code: 'CASE_NOT_FOUND',
      });
      expect((await caseDeadlines(caseId, { roles: ['handlaggare'], tenant: 'osteraker' })).body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
      expect((await caseDeadlines('not-a-case')).body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
      expect((await api.http().get(`/cases/${caseId}/deadlines`)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('before signing: the signing reminder after laga kraft (Österåker)', async () => {
      api.on('2023-10-01');
      const { body } = await caseDeadlines(osterakerCase, { roles: ['handlaggare'], tenant: 'osteraker' });
      const open = body.deadlines.filter((d: DeadlineBody) => d.status !== 'met').map((d: DeadlineBody) => d.kind);
      expect(open).toEqual(['signing-pending']);
    });
  });

  describe('GET /deadlines (the read model)', () => {
    it("lists the tenant's deadlines in a range, by date, with the case they belong to", async () => {
      api.on('2024-02-01');
      const { body } = await eventually(
        () => list('?from=2024-01-01&to=2024-12-31'),
        ({ body }) => expect(body.items.find((d: DeadlineBody) => d.key === 'yearly-payment:2024')?.status).toBe('met'),
      );
      expect(body).toMatchObject({ from: '2024-01-01', to: '2024-12-31', today: '2024-02-01' });
      expect(body.items.map((d: DeadlineBody) => `${d.date} ${d.key}`)).toEqual([
        '2024-01-31 yearly-payment:2024',
        '2024-03-31 annual-report:2023',
        '2024-03-31 evaluation:2023',
        '2024-06-30 follow-up-meeting:operational:2024-H1',
        '2024-06-30 follow-up-meeting:strategic:2024-H1',
        '2024-12-31 follow-up-meeting:operational:2024-H2',
        '2024-12-31 follow-up-meeting:strategic:2024-H2',
      ]);
      expect(body.items[0]).toMatchObject({
        caseId,
        diarienummer: 'SON 2022-1',
        organisationName: 'Brottsofferjouren i Linköping',
        label: 'Årlig utbetalning 2024',
      });
      expect(body.total).toBe(7);
    });

    it('filters by kind and status, pages, and defaults to 90 days from today', async () => {
      api.on('2024-02-01');
      const overdue = (await list('?from=2023-01-01&to=2025-12-31&status=overdue')).body;
      expect(overdue.items.map((d: DeadlineBody) => d.key)).toEqual(['follow-up-meeting:operational:2023-H2', 'follow-up-meeting:strategic:2023-H2']);
      const met = (await list('?from=2022-01-01&to=2024-12-31&status=met&kind=registration')).body;
      expect(met.items.map((d: DeadlineBody) => [d.date, d.key, d.status])).toEqual([['2022-09-01', 'registration', 'met']]);
      const kinds = (await list('?from=2023-01-01&to=2025-12-31&kind=period-ends')).body;
      expect(kinds.items.map((d: DeadlineBody) => [d.date, d.status])).toEqual([['2025-12-31', 'upcoming']]);
      const page = (await list('?from=2023-01-01&to=2025-12-31&limit=2&offset=1')).body;
      expect(page).toMatchObject({ limit: 2, offset: 1 });
      expect(page.items).toHaveLength(2);
      const defaults = (await list('')).body;
      expect(defaults).toMatchObject({ from: '2024-02-01', to: '2024-05-01' });
      expect(defaults.items.map((d: DeadlineBody) => d.key)).toEqual(['annual-report:2023', 'evaluation:2023']);
    });

    it('mine=true: only the cases the caller is the officer of', async () => {
      const all = (await list('?from=2024-01-01&to=2024-12-31')).body;
      const johns = (await list('?from=2024-01-01&to=2024-12-31&mine=true', { ...officer, sub: 'john.fristedt' })).body;
      expect(johns.total).toBe(all.total);
      expect(johns.total).toBeGreaterThan(0);
      expect((await list('?from=2024-01-01&to=2024-12-31&mine=true', { ...officer, sub: 'someone.else' })).body.total).toBe(0);
      expect((await list('?mine=maybe')).status).toBe(400);
    });

    it("shows no other tenant's cases, and an organisation only its own", async () => {
      const osteraker = await eventually(
        () => list('?from=2023-01-01&to=2025-12-31', { roles: ['handlaggare'], tenant: 'osteraker' }),
        ({ body }) => expect(body.items.length).toBeGreaterThan(0),
      );
      expect(new Set(osteraker.body.items.map((d: DeadlineBody) => d.caseId))).toEqual(new Set([osterakerCase]));
      expect((await list('?from=2023-01-01&to=2025-12-31', { roles: ['organisation'], tenant: 'linkoping', org: '802478-9128' })).body.total).toBe(0);
      expect((await list('?from=2023-01-01&to=2025-12-31', { roles: ['organisation'], tenant: 'linkoping', org: LINKOPING_ORG })).body.total).toBeGreaterThan(
        0,
      );
    });

    it.each([
      ['from after to', '?from=2024-12-31&to=2024-01-01'],
      ['a range over three years', '?from=2023-01-01&to=2026-01-02'],
      ['not a date', '?from=2024-02-30&to=2024-03-01'],
      ['not a date at all', '?from=tomorrow'],
    ])('refuses %s with INVALID_DATE_RANGE', async (_, query) => {
      const { status, body } = await list(query);
      expect({ status, code: body.code }).toEqual({ status: 400, code: 'INVALID_DATE_RANGE' });
    });

    it('refuses an unknown kind or status with VALIDATION_FAILED', async () => {
      expect((await list('?status=soon')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await list('?kind=birthday')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });
  });
});
