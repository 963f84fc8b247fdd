import { osterakerBrottsofferjouren as seed } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { bearer, TestApi, type Caller } from '../support/api';
import { commandPath } from '../support/seed-walk';

/**
 * Issue 11, item 7: a municipality the engine has never served (Vallentuna) is set up by its
 * administrator through the API alone, with its own diarium format, and a case then goes from
 * application to both signatures. No reference data is set up beforehand (not even the demo's).
 */
const TENANT = 'vallentuna';
const VALLENTUNA = { name: 'Vallentuna kommun', organisationNumber: '212000-0068' };
const ORG = '802478-9128';
const admin: Caller = { roles: ['admin'], tenant: TENANT, sub: 'vera.admin', name: 'Vera Admin' };
const officials: Caller = { roles: ['registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory'], tenant: TENANT };
const organisation: Caller = { roles: ['organisation'], tenant: TENANT, org: ORG };

describe('onboarding a new municipality through the API alone', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({}, new Date('2023-05-01T09:00:00Z'), undefined, [])));
  afterAll(() => api.stop());

  const put = async (path: string, body: object, caller: Caller = admin) =>
    api
      .http()
      .put(`/reference-data${path}`)
      .set(await bearer(caller))
      .send(body);
  const referenceData = async (caller: Caller = officials) =>
    api
      .http()
      .get('/reference-data')
      .set(await bearer(caller));
  /** A step of the Österåker seed, sent by the role that gives it, with `changes` to the body. */
  const send = async (caseId: string, step: keyof typeof seed, changes: object = {}, caller?: Caller) => {
    const { type, date, role, body } = seedRequest(seed[step]);
    api.on(date);
    const as = caller ?? (role === 'organisation' ? organisation : { ...officials, roles: [role] });
    return api
      .http()
      .post(commandPath(caseId, type))
      .set(await bearer(as))
      .send({ ...body, ...changes });
  };
  const revisionOf = async (caseId: string) =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer(officials))
    ).body.revision;

  it('lets only an administrator in while nothing is set up; the others are told what must be done', async () => {
    const refused = await api
      .http()
      .get('/cases')
      .set(await bearer(officials));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'TENANT_UNKNOWN', message: expect.stringContaining('PUT /reference-data/municipality') });

    const empty = await referenceData(admin);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ tenant: TENANT, revision: '-1', municipality: null, bodies: [], inhabitants: [], indexSeries: [] });
    expect((await put('/municipality', VALLENTUNA, { ...admin, roles: ['handlaggare', 'chef'] })).body).toMatchObject({ code: 'TENANT_UNKNOWN' });
  });

  it('sets up the municipality, then a case: the first command that needs more says what an administrator must add, and changes nothing', async () => {
    const set = await put('/municipality', { ...VALLENTUNA, organisationNumber: '2120000068' });
    expect(set.status).toBe(200);
    expect(set.headers.etag).toBe('"0"');
    expect(set.body.municipality).toEqual(VALLENTUNA); // the number as the engine writes it
    expect((await put('/municipality', { ...VALLENTUNA, organisationNumber: '212000-0069' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'organisationNumber' }] },
    });
    expect((await put('/bodies/KS', { name: 'Kommunstyrelsen', kind: 'board' }, officials)).body).toMatchObject({ code: 'FORBIDDEN_ROLE' });

    const submitted = await send('', 'submit');
    expect(submitted.status).toBe(201);
    const caseId: string = submitted.body.id;
    const unregistered = await send(caseId, 'register');
    expect(unregistered.status).toBe(409);
    expect(unregistered.body).toMatchObject({
      code: 'REFERENCE_DATA_MISSING',
      details: {
        missing: 'diarium',
        sv: expect.stringContaining('en administratör måste först lägga in ett beslutande organ med en diarieserie'),
        en: expect.stringContaining('an administrator must first add a deciding body with a diarium series'),
      },
    });
    expect(await revisionOf(caseId)).toBe('0');
  });

  it('takes a case from application to both signatures in its own diarium format, with no rebuild', async () => {
    await put('/bodies/SU', { name: 'Sociala utskottet', kind: 'committee', diarium: null });
    await put('/bodies/KS', { name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '-', digits: 3 } });
    const bodies = await put('/bodies/KF', { name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits: 4 } });
    expect(bodies.body.bodies).toEqual([
      { code: 'SU', name: 'Sociala utskottet', kind: 'committee', diarium: null, example: null },
      { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '-', digits: 3 }, example: 'KS 2023-001' },
      { code: 'KF', name: 'Kommunfullmäktige', kind: 'council', diarium: { separator: '/', digits: 4 }, example: 'KF 2023/0001' },
    ]);
    await put('/inhabitants/2023', { count: 34_312, asOf: '2022-11-01' });

    const submitted = await send('', 'submit');
    const caseId: string = submitted.body.id;
    expect((await send(caseId, 'register')).status).toBe(200);
    for (const step of ['assignOfficer', 'draft', 'signProposal', 'schedule', 'approve', 'justering', 'posting', 'final'] as const) {
      const answer = await send(caseId, step);
      expect({ step, status: answer.status, body: answer.status === 200 ? undefined : answer.body }).toEqual({ step, status: 200, body: undefined });
    }
    const signatory = { name: 'Parisa Liljestrand', title: 'Kommunstyrelsens ordförande' };
    api.on('2023-10-10');
    const municipalitySigns = await api
      .http()
      .post(`/cases/${caseId}/commands/sign`)
      .set(await bearer({ ...officials, roles: ['signatory'] }))
      .send({ party: 'municipality', signatory, organisationNumber: VALLENTUNA.organisationNumber, signedOn: '2023-10-10' });
    expect(municipalitySigns.status).toBe(200);
    api.on('2023-10-12');
    const organisationSigns = await api
      .http()
      .post(`/cases/${caseId}/commands/sign`)
      .set(await bearer(organisation))
      .send({ party: 'organisation', signatory: { name: 'Anna Berg', title: 'Ordförande' }, organisationNumber: ORG, signedOn: '2023-10-12' });
    expect(organisationSigns.body.state.paths).toEqual(['active.running']);

    const { body: view } = await api
      .http()
      .get(`/cases/${caseId}`)
      .set(await bearer(officials));
    expect(view.facts).toMatchObject({
      diarienummer: 'KS 2023-001',
      municipality: VALLENTUNA,
      meeting: { body: { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' } },
    });
  });

  it('records who changed the reference data and when, on every event', async () => {
    const { rows } = await api.db.pool.query<{ type: string; actor: string; name: string; role: string; at: string }>(
      `SELECT type, metadata->>'actorId' AS actor, metadata->>'actorName' AS name, metadata->>'actorRole' AS role, metadata->>'recordedAt' AS at
         FROM events WHERE tenant = $1 AND stream_id = 'reference-data' ORDER BY revision`,
      [TENANT],
    );
    expect(rows.map((r) => r.type)).toEqual(['MunicipalitySet', 'BodySet', 'BodySet', 'BodySet', 'InhabitantsSet']);
    expect(rows.every((r) => r.actor === 'vera.admin' && r.name === 'Vera Admin' && r.role === 'admin' && !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });
});
