import { linkoping, robertsfors } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { bearer, TestApi, type Caller } from '../support/api';
import { walk } from '../support/seed-walk';

/**
 * Issue 11, items 7, 8c and 8d over HTTP: the reference data an administrator keeps (an index
 * value's revisions kept in the history), the municipality party taken from it, and deciding
 * bodies looked up in it by code. Every refused variant answers with a code and changes nothing.
 */
const through = (seed: object, last: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(last) + 1);
const admin: Caller = { roles: ['admin'], tenant: 'linkoping', sub: 'lena.admin', name: 'Lena Admin' };
const officer: Caller = { roles: ['handlaggare'], tenant: 'linkoping' };

describe('reference data through the API', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({}, new Date('2025-01-10T09:00:00Z'))));
  afterAll(() => api.stop());

  const get = async (caller: Caller = officer) =>
    api
      .http()
      .get('/reference-data')
      .set(await bearer(caller));
  const publish = async (value: object, headers: Record<string, string> = {}) =>
    api
      .http()
      .post('/reference-data/index-series/OPI/values')
      .set({ ...(await bearer(admin)), ...headers })
      .send(value);
  const opi = (body: { indexSeries: { code: string; values: unknown[] }[] }) => body.indexSeries.find((s) => s.code === 'OPI')!.values;

  it('gives everyone of the tenant the whole set, with every index value and its history', async () => {
    const { status, body, headers } = await get({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' });
    expect(status).toBe(200);
    expect(headers.etag).toBe(`"${body.revision}"`);
    expect(body.municipality).toEqual({ name: 'Linköpings kommun', organisationNumber: '212000-0449' });
    expect(body.bodies.map((b: { code: string; example: string | null }) => [b.code, b.example])).toEqual([
      ['SON', 'SON 2025-1'],
      ['KS', 'KS 2025/0001'],
      ['KF', 'KF 2025/0001'],
    ]);
    expect(opi(body)).toEqual([
      { year: 2024, percent: '4.10', basisPoints: 410, status: 'forecast', publishedOn: '2023-12-14', version: 1, current: false },
      { year: 2024, percent: '3.90', basisPoints: 390, status: 'final', publishedOn: '2024-12-12', version: 2, current: true },
      { year: 2025, percent: '3.20', basisPoints: 320, status: 'forecast', publishedOn: '2024-12-12', version: 1, current: true },
      { year: 2026, percent: '2.80', basisPoints: 280, status: 'forecast', publishedOn: '2025-12-11', version: 1, current: true },
    ]);
  });

  it('keeps a revised value as a new version, the old one readable in the history; a re-send records nothing', async () => {
    api.on('2025-12-11');
    const before = (await get()).body;
    const revised = await publish({ year: 2025, percent: '3.6', status: 'final', publishedOn: '2025-12-11' }, { 'If-Match': `"${before.revision}"` });
    expect(revised.status).toBe(200);
    expect(opi(revised.body).filter((v) => (v as { year: number }).year === 2025)).toEqual([
      { year: 2025, percent: '3.20', basisPoints: 320, status: 'forecast', publishedOn: '2024-12-12', version: 1, current: false },
      { year: 2025, percent: '3.60', basisPoints: 360, status: 'final', publishedOn: '2025-12-11', version: 2, current: true },
    ]);
    const again = await publish({ year: 2025, percent: '3.60', status: 'final', publishedOn: '2025-12-11' });
    expect(again.body.revision).toBe(revised.body.revision);

    const { rows } = await api.db.pool.query(
      `SELECT metadata->>'actorId' AS actor, metadata->>'actorName' AS name FROM events WHERE tenant = 'linkoping' AND stream_id = 'reference-data' ORDER BY revision DESC LIMIT 1`,
    );
    expect(rows).toEqual([{ actor: 'lena.admin', name: 'Lena Admin' }]);
  });

  it('refuses a stale If-Match, a percent in another form, a series never set up, a value dated after today, and a writer who is not an admin, changing nothing', async () => {
    const { revision } = (await get()).body;
    const refusals = [
      [await publish({ year: 2027, percent: '2.00', status: 'forecast', publishedOn: '2025-12-10' }, { 'If-Match': '"1"' }), 412, 'PRECONDITION_FAILED'],
      [await publish({ year: 2027, percent: 2.5, status: 'forecast', publishedOn: '2025-12-10' }), 400, 'VALIDATION_FAILED'],
      [await publish({ year: 2027, percent: '2.555', status: 'forecast', publishedOn: '2025-12-10' }), 400, 'VALIDATION_FAILED'],
      [await publish({ year: 2027, percent: '2,5', status: 'prognos', publishedOn: '2025-12-10' }), 400, 'VALIDATION_FAILED'],
      // Today is 2025-12-11: a value is recorded once it is published, not before.
      [await publish({ year: 2026, percent: '2.80', status: 'forecast', publishedOn: '2025-12-12' }), 400, 'VALIDATION_FAILED'],
      [
        await api
          .http()
          .post('/reference-data/index-series/KPI/values')
          .set(await bearer(admin))
          .send({ year: 2027, percent: '2.00', status: 'forecast', publishedOn: '2025-12-10' }),
        404,
        'INDEX_SERIES_NOT_FOUND',
      ],
      [
        await api
          .http()
          .put('/reference-data/bodies/SON')
          .set(await bearer(officer))
          .send({ name: 'Socialnämnden', kind: 'council' }),
        403,
        'FORBIDDEN_ROLE',
      ],
      [
        await api
          .http()
          .put('/reference-data/bodies/SU')
          .set(await bearer(admin))
          .send({ name: 'Sociala utskottet', kind: 'committee', diarium: { separator: '/', digits: 3 } }),
        400,
        'VALIDATION_FAILED',
      ],
    ] as const;
    expect(refusals.map(([answer]) => [answer.status, answer.body.code])).toEqual(refusals.map(([, status, code]) => [status, code]));
    expect((await get()).body.revision).toBe(revision);
  });
});

describe('8c: the municipality party is the tenant’s own, from its reference data', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  it('fills the party from the reference data, refuses a request that still sends one, and follows a corrected name', async () => {
    const submit = seedRequest(linkoping.submit);
    api.on(submit.date);
    const organisation = await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' });
    const sent = await api
      .http()
      .post('/cases')
      .set(organisation)
      .send({ ...submit.body, municipality: { name: 'Brottsofferjouren i Linköping', organisationNumber: '822004-0417' } });
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'municipality', messages: [expect.stringContaining("the municipality party is the tenant's own")] }] },
    });
    const listed = await api
      .http()
      .get('/cases')
      .set(await bearer(officer));
    expect(listed.body.total).toBe(0);

    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit']);
    const facts = async (id: string) =>
      (
        await api
          .http()
          .get(`/cases/${id}`)
          .set(await bearer(officer))
      ).body.facts;
    expect((await facts(caseId)).municipality).toEqual({ name: 'Linköpings kommun', organisationNumber: '212000-0449' });

    await api
      .http()
      .put('/reference-data/municipality')
      .set(await bearer(admin))
      .send({ name: 'Linköpings kommun (Social- och omsorgsnämnden)', organisationNumber: '212000-0449' });
    const later = await walk(api, 'linkoping', linkoping, ['submit']);
    expect((await facts(later.caseId)).municipality.name).toBe('Linköpings kommun (Social- och omsorgsnämnden)');
    expect((await facts(caseId)).municipality.name).toBe('Linköpings kommun'); // a case keeps the party it was opened with
  });
});

describe('8d: the deciding body is the tenant’s, looked up by its code', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const secretary: Caller = { roles: ['namndsekreterare'], tenant: 'robertsfors' };
  const send = async (caseId: string, type: string, body: object) =>
    api
      .http()
      .post(`/cases/${caseId}/commands/${type}`)
      .set(await bearer(secretary))
      .send(body);
  const revisionOf = async (caseId: string) =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer(secretary))
    ).body.revision;

  it('takes the body and its kind from the reference data; the request never sets a kind; an unknown code names the tenant’s bodies', async () => {
    const { caseId } = await walk(api, 'robertsfors', robertsfors, through(robertsfors, 'signProposal'));
    const schedule = seedRequest(robertsfors.scheduleCommittee);
    api.on(schedule.date);
    const before = await revisionOf(caseId);

    const unknown = await send(caseId, 'schedule-meeting', { ...schedule.body, bodyCode: 'SON' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('SU (Sociala utskottet), KS (Kommunstyrelsen), KF (Kommunfullmäktige)'),
      details: { fields: [{ field: 'bodyCode', messages: ['must be one of SU, KS, KF'] }] },
    });
    // A body whose kind the caller sets is no longer a thing the API takes.
    const withKind = await send(caseId, 'schedule-meeting', {
      meetingDate: schedule.body.meetingDate,
      body: { code: 'SU', name: 'Sociala utskottet', kind: 'council' },
    });
    expect(withKind.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await revisionOf(caseId)).toBe(before);

    const scheduled = await send(caseId, 'schedule-meeting', { bodyCode: 'SU', meetingDate: schedule.body.meetingDate });
    expect(scheduled.status).toBe(200);
    const { body: view } = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(secretary));
    expect(view.facts.meeting.body).toEqual({ code: 'SU', name: 'Sociala utskottet', kind: 'committee' });
  });

  it('a committee (utskott) still only recommends, to a higher body named by its code', async () => {
    const { caseId } = await walk(api, 'robertsfors', robertsfors, through(robertsfors, 'scheduleCommittee'));
    const recommend = seedRequest(robertsfors.recommend);
    api.on(recommend.date);
    const before = await revisionOf(caseId);

    const approved = await send(caseId, 'record-decision', { ...recommend.body, outcome: 'approved', recommendedTo: null });
    expect(approved.status).toBe(422);
    expect(approved.body.details.violations.map((v: { rule: string }) => v.rule)).toContain('COMMITTEE_CANNOT_DECIDE');
    const unknown = await send(caseId, 'record-decision', { ...recommend.body, recommendedTo: 'SON' });
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'recommendedTo' }] } });
    expect(await revisionOf(caseId)).toBe(before);

    const recommended = await send(caseId, 'record-decision', { ...recommend.body, recommendedTo: 'KS' });
    expect(recommended.status).toBe(200);
    const { body: view } = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(secretary));
    expect(view.facts.decisions.at(-1).recommendedTo).toEqual({ code: 'KS', name: 'Kommunstyrelsen', kind: 'board' });
    expect(view.facts.nextMeeting).toMatchObject({ bodyCode: 'KS' });
  });
});
