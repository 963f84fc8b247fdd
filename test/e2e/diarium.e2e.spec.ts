import { osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

describe('diarienummer', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  it('gives 20 cases registered at the same moment the numbers 1 to 20 of the series, each once', async () => {
    const cases = await Promise.all(Array.from({ length: 20 }, async () => (await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit'])).caseId));
    const { body, date } = seedRequest(osterakerBrottsofferjouren.register);
    api.on(date);
    const registrator = await bearer({ roles: ['registrator'], tenant: 'osteraker' });
    const answers = await Promise.all(cases.map((id) => api.http().post(`/cases/${id}/commands/register`).set(registrator).send(body)));
    expect(answers.map((a) => a.status)).toEqual(cases.map(() => 200));

    const numbers = await Promise.all(cases.map(async (id) => (await api.http().get(`/cases/${id}`).set(registrator)).body.diarienummer as string));
    expect(numbers.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `KS 2023/${String(i + 1).padStart(5, '0')}`));
  });

  it('keeps a series per body and year, formatted as the municipality does', async () => {
    const { caseId } = await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit']);
    api.on('2024-01-02');
    const registrator = await bearer({ roles: ['registrator'], tenant: 'osteraker' });
    await api.http().post(`/cases/${caseId}/commands/register`).set(registrator).send({ bodyCode: 'SN', registeredOn: '2024-01-02' }).expect(200);
    expect((await api.http().get(`/cases/${caseId}`).set(registrator)).body.diarienummer).toBe('SN 2024/0001');
  });

  it('refuses a body without a diarium, and a registration the case cannot take, without using a number', async () => {
    const { caseId } = await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit']);
    api.on('2025-02-03');
    const registrator = await bearer({ roles: ['registrator'], tenant: 'osteraker' });
    const unknownBody = await api.http().post(`/cases/${caseId}/commands/register`).set(registrator).send({ bodyCode: 'XYZ', registeredOn: '2025-02-03' });
    expect(unknownBody.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [{ field: 'bodyCode' }] } });

    const beforeReceived = await api.http().post(`/cases/${caseId}/commands/register`).set(registrator).send({ bodyCode: 'KF', registeredOn: '2023-01-01' });
    expect(beforeReceived.status).toBe(422);
    await api.http().post(`/cases/${caseId}/commands/register`).set(registrator).send({ bodyCode: 'KF', registeredOn: '2025-02-03' }).expect(200);
    expect((await api.http().get(`/cases/${caseId}`).set(registrator)).body.diarienummer).toBe('KF 2025/00001');
  });
});
