import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { seedRequest } from '../../src/demo/seed-requests';
import { walk } from '../support/seed-walk';

describe('the cases API', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const officer = (tenant: string) => bearer({ roles: ['handlaggare'], tenant, name: 'John Fristedt' });
  const getCase = async (tenant: string, id: string) =>
    api
      .http()
      .get(`/cases/${id}`)
      .set(await officer(tenant));

  describe('the seed cases, from application to their outcome', () => {
    it('Linköping: signing, follow-up, notice by the organisation, termination with a refund', async () => {
      const { caseId, answers } = await walk(api, 'linkoping', linkoping);
      expect(answers.submit.status).toBe(201);
      expect(answers.signOrganisation.body.state).toMatchObject({ label: { sv: expect.any(String) }, closed: false });

      const { status, body, headers } = await getCase('linkoping', caseId);
      expect(status).toBe(200);
      expect(headers.etag).toBe(`"${body.revision}"`);
      expect(body.state.closed).toBe(true);
      expect(body.state.paths).toEqual(['terminated']);
      expect(body.diarienummer).toBe('SON 2022-1');
      expect(body.facts.notice).toMatchObject({ party: 'organisation', receivedOn: '2025-03-31', effectiveOn: '2025-09-30' });
      expect(body.facts.signatures.municipality.signatory.name).toBe('Linda Ljungqvist');
      expect(body.allowedCommands).toEqual([]);

      // The refund of early termination, to the öre: 2025 was paid in full (507 290,13 kr) and the agreement ended 2025-09-30.
      expect(body.facts.refund).toBe('127864.91');
      expect(body.facts.payments.map((p: { amount: string }) => p.amount)).toEqual(['472200.00', '491560.20', '507290.13']);
      const [, , lastYear] = body.money.refund.lines;
      expect(lastYear).toMatchObject({ amount: '507290.13', daysInPeriod: 365, daysUsed: 273, daysUnused: 92, refund: { amount: '127864.91' } });
      expect(lastYear.refund.explanation.sv.replaceAll('\u00a0', ' ')).toBe(
        '2025-01-01–2025-12-31, 365 dagar (ej skottår): 507 290,13 kr för 365 dagar, varav 273 använda och 92 oanvända: ' +
          '507 290,13 kr − 507 290,13 kr × 273/365 (379 425,22 kr, avrundat till närmaste öre, halva ören uppåt) = 127 864,91 kr',
      );
      expect(body.money.refund.total.amount).toBe('127864.91');
      // The plan: 472 200 kr a year plus the volunteer work valued at 341 314 kr: 813 514 kr.
      expect(body.money.plan.years[0]).toMatchObject({
        year: 2023,
        planned: '472200.00',
        paid: '472200.00',
        outstanding: '0.00',
        value: { amount: '813514.00' },
      });
    });

    it("Robertsfors: the social committee's recommendation, then the board's decision", async () => {
      const { caseId } = await walk(api, 'robertsfors', robertsfors);
      const { body } = await getCase('robertsfors', caseId);
      expect(body.facts.decisions.map((d: { outcome: string; body: { code: string } }) => [d.body.code, d.outcome])).toEqual([
        ['SU', 'recommended'],
        ['KS', 'approved'],
      ]);
      expect(body.diarienummer).toBe('KS 2017/001');
      expect(body.state.paths).toEqual(['expired']);
    });

    it('Österåker Kvinnojouren: the sheltered housing stays excluded in the signed terms', async () => {
      const { caseId } = await walk(api, 'osteraker', osterakerKvinnojouren);
      const { body } = await getCase('osteraker', caseId);
      expect(body.facts.terms.exclusions.join(' ')).toMatch(/skyddade boende/i);
      expect(body.state.closed).toBe(false);
      expect(body.diarienummer).toBe('SN 2023/0001');
    });
  });

  describe('refusals change nothing', () => {
    let caseId: string;
    let revision: string;
    beforeAll(async () => {
      ({ caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer']));
      revision = (await getCase('linkoping', caseId)).body.revision;
    });
    afterEach(async () => expect((await getCase('linkoping', caseId)).body.revision).toBe(revision));

    const send = async (type: string, body: object, headers: Record<string, string>) =>
      api.http().post(`/cases/${caseId}/commands/${type}`).set(headers).send(body);

    it('409 TRANSITION_NOT_ALLOWED names the state and what is allowed', async () => {
      const response = await send('record-justering', { justeradOn: '2022-11-14' }, await bearer({ roles: ['namndsekreterare'], tenant: 'linkoping' }));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        statusCode: 409,
        code: 'TRANSITION_NOT_ALLOWED',
        details: { allowed: expect.arrayContaining(['draft-proposal']) },
      });
      expect(response.body.message).toMatch(/not allowed in state/);
    });

    it('403 FORBIDDEN_ROLE for a role the command does not admit (an auditor never writes)', async () => {
      const response = await send('draft-proposal', seedRequest(linkoping.draft).body, await bearer({ roles: ['auditor'], tenant: 'linkoping' }));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'FORBIDDEN_ROLE', details: { required: ['handlaggare'] } });
    });

    it('400 VALIDATION_FAILED lists each field', async () => {
      const response = await send('draft-proposal', { ...seedRequest(linkoping.draft).body, draftedOn: '2022-13-40', title: 7 }, await officer('linkoping'));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['draftedOn', 'title']);
    });

    it('422 RULE_VIOLATED when the state fits but a rule does not', async () => {
      const response = await send('draft-proposal', { ...seedRequest(linkoping.draft).body, draftedOn: '2022-08-01' }, await officer('linkoping'));
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('RULE_VIOLATED');
    });

    it('412 PRECONDITION_FAILED when If-Match names an older revision', async () => {
      const headers = { ...(await officer('linkoping')), 'If-Match': '"0"' };
      const response = await send('draft-proposal', seedRequest(linkoping.draft).body, headers);
      expect(response.status).toBe(412);
      expect(response.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: { revision } });
    });

    it('404 for an unknown case, another tenant, and another organisation', async () => {
      const unknown = await api
        .http()
        .get('/cases/00000000-0000-4000-8000-000000000000')
        .set(await officer('linkoping'));
      const otherTenant = await getCase('osteraker', caseId);
      const otherOrganisation = await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '802015-1889' }));
      for (const response of [unknown, otherTenant, otherOrganisation]) expect(response.body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
    });

    it('401 UNAUTHENTICATED without a valid token', async () => {
      const response = await api.http().get(`/cases/${caseId}`).set('Authorization', 'Bearer not-a-token');
      expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });
  });

  describe('concurrency and retries', () => {
    it('20 parallel identical requests with one Idempotency-Key write one event and all get the first answer', async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
      const headers = { ...(await bearer({ roles: ['registrator'], tenant: 'linkoping' })), 'Idempotency-Key': 'assign-once' };
      const { body, date } = seedRequest(linkoping.assignOfficer);
      api.on(date);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => api.http().post(`/cases/${caseId}/commands/assign-officer`).set(headers).send(body)),
      );
      expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect((await getCase('linkoping', caseId)).body.revision).toBe('2');

      const reused = await api
        .http()
        .post(`/cases/${caseId}/commands/assign-officer`)
        .set(headers)
        .send({ ...body, assignedOn: '2022-09-06' });
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('a retried POST /cases with its Idempotency-Key opens one case', async () => {
      const step = seedRequest(linkoping.submit);
      const headers = { ...(await bearer({ roles: ['registrator'], tenant: 'linkoping' })), 'Idempotency-Key': 'application-2022-09-01' };
      const [first, again] = [await api.http().post('/cases').set(headers).send(step.body), await api.http().post('/cases').set(headers).send(step.body)];
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body).toEqual(first.body);
    });

    it('two officials acting on the same revision: one succeeds, the other is told the case changed', async () => {
      const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
      const headers = { ...(await bearer({ roles: ['registrator'], tenant: 'linkoping' })), 'If-Match': '"1"' };
      const { body, date } = seedRequest(linkoping.assignOfficer);
      api.on(date);
      const statuses = (await Promise.all([0, 1].map(() => api.http().post(`/cases/${caseId}/commands/assign-officer`).set(headers).send(body)))).map(
        (r) => r.status,
      );
      expect(statuses.sort()).toEqual([200, 412]);
      expect((await getCase('linkoping', caseId)).body.revision).toBe('2');
    });
  });
});

describe('GET /cases', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    api = await TestApi.start();
    ids.brottsofferjouren = (await walk(api, 'osteraker', osterakerBrottsofferjouren)).caseId;
    ids.kvinnojouren = (await walk(api, 'osteraker', osterakerKvinnojouren, ['submit', 'register', 'assignOfficer'])).caseId;
    await walk(api, 'linkoping', linkoping, ['submit']);
  });
  afterAll(() => api.stop());

  /** The list is a projection: it catches up within moments. */
  async function list(query: string, caller: Parameters<typeof bearer>[0] = { roles: ['handlaggare'], tenant: 'osteraker' }, expected?: number) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await api
        .http()
        .get(`/cases${query}`)
        .set(await bearer(caller));
      if (expected === undefined || response.body.total === expected || Date.now() > deadline) return response;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("lists the tenant's cases, most recently changed first, and never another tenant's", async () => {
    const { status, body } = await list('', undefined, 2);
    expect(status).toBe(200);
    // Brottsofferjouren's last step (2023-10-03) is later than Kvinnojouren's (2023-06-05).
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([ids.brottsofferjouren, ids.kvinnojouren]);
    expect(body.items[0]).toMatchObject({ diarienummer: 'KS 2023/00001', organisationName: 'Brottsofferjouren Roslagen', bodyCode: 'KS', closed: false });
  });

  it('filters by state, organisation, body and officer, and pages', async () => {
    await list('', undefined, 2);
    expect((await list('?state=signing')).body.items.map((c: { id: string }) => c.id)).toEqual([ids.brottsofferjouren]);
    expect((await list('?state=preparation')).body.items.map((c: { id: string }) => c.id)).toEqual([ids.kvinnojouren]);
    expect((await list('?body=SN')).body.total).toBe(0);
    expect((await list(`?diarienummer=${encodeURIComponent('KS 2023/00001')}`)).body.items.map((c: { id: string }) => c.id)).toEqual([ids.brottsofferjouren]);
    const kvinnojouren = (
      await api
        .http()
        .get(`/cases/${ids.kvinnojouren}`)
        .set(await bearer({ roles: ['handlaggare'], tenant: 'osteraker' }))
    ).body;
    expect((await list(`?organisation=${kvinnojouren.facts.organisation.organisationNumber}`)).body.items.map((c: { id: string }) => c.id)).toEqual([
      ids.kvinnojouren,
    ]);
    expect((await list(`?officer=${kvinnojouren.facts.officer.id}`)).body.total).toBeGreaterThanOrEqual(1);
    expect((await list('?limit=1&offset=1')).body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ id: ids.kvinnojouren }] });
    expect((await list('?limit=500')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('searches by part of the diarienummer, the organisation name or number, and sorts by a column', async () => {
    await list('', undefined, 2);
    const ids_ = (query: string) => list(query).then((r) => r.body.items.map((c: { id: string }) => c.id));
    expect(await ids_(`?q=${encodeURIComponent('2023/00001')}`)).toEqual([ids.brottsofferjouren]);
    expect(await ids_('?q=kvinnojouren')).toEqual([ids.kvinnojouren]);
    expect(await ids_('?q=802478')).toEqual([ids.brottsofferjouren]);
    expect(await ids_('?q=%25')).toEqual([]); // a % is a character searched for, not a wildcard
    expect(await ids_('?sort=organisation&order=asc')).toEqual([ids.brottsofferjouren, ids.kvinnojouren]);
    expect(await ids_('?sort=organisation&order=desc')).toEqual([ids.kvinnojouren, ids.brottsofferjouren]);
    expect((await list('?sort=colour')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it("shows an organisation's representative only its own cases", async () => {
    const kvinnojouren = (
      await api
        .http()
        .get(`/cases/${ids.kvinnojouren}`)
        .set(await bearer({ roles: ['handlaggare'], tenant: 'osteraker' }))
    ).body;
    const org = kvinnojouren.facts.organisation.organisationNumber;
    const { body } = await list('', { roles: ['organisation'], tenant: 'osteraker', org }, 1);
    expect(body.items.map((c: { id: string }) => c.id)).toEqual([ids.kvinnojouren]);
  });
});
