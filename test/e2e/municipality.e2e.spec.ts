import { bearer, TestApi } from '../support/api';

describe("GET /municipality (the caller's municipality, for forms)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const get = async (tenant: string) =>
    api
      .http()
      .get('/municipality')
      .set(await bearer({ roles: ['organisation'], tenant, org: '802478-9128' }));

  it('gives the name, organisationsnummer and bodies from the reference data', async () => {
    const { status, body } = await get('osteraker');
    expect(status).toBe(200);
    expect(body).toEqual({
      tenant: 'osteraker',
      name: 'Österåkers kommun',
      organisationNumber: '212000-0035',
      bodies: [
        { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' },
        { code: 'SN', name: 'Socialnämnden', kind: 'board' },
        { code: 'KF', name: 'Kommunfullmäktige', kind: 'council' },
      ],
    });
  });

  it('answers 403 TENANT_UNKNOWN for a tenant with no reference data, and 401 without a token', async () => {
    expect(await get('nowhere')).toMatchObject({ status: 403, body: { code: 'TENANT_UNKNOWN' } });
    expect((await api.http().get('/municipality')).status).toBe(401);
  });

  it('tells the admin of a tenant not set up yet what to add, in Swedish and English', async () => {
    const answer = await api
      .http()
      .get('/municipality')
      .set(await bearer({ roles: ['admin'], tenant: 'nowhere' }));
    expect(answer).toMatchObject({
      status: 409,
      body: { code: 'REFERENCE_DATA_MISSING', details: { missing: 'municipality', sv: expect.stringContaining('PUT /reference-data/municipality') } },
    });
  });
});
