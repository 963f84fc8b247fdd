import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { createLogger } from '../../src/logging/logger';
import { bearer, JWT_SECRET, TestApi } from '../support/api';
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

  it('gives 40 cases registered at once through two service instances, by two registrators, the numbers 1 to 40, and verify finds the series intact', async () => {
    const config = loadConfig({ DATABASE_URL: api.db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
    const second = await createApp(config, createLogger('silent'), api.clock);
    await second.init();
    try {
      const cases = await Promise.all(Array.from({ length: 40 }, async () => (await walk(api, 'osteraker', osterakerBrottsofferjouren, ['submit'])).caseId));
      api.on('2026-03-02');
      const registrators = [
        await bearer({ roles: ['registrator'], tenant: 'osteraker', sub: 'reg-1' }),
        await bearer({ roles: ['registrator'], tenant: 'osteraker', sub: 'reg-2' }),
      ];
      const answers = await Promise.all(
        cases.map((id, i) =>
          request((i % 2 ? second : api.app).getHttpServer())
            .post(`/cases/${id}/commands/register`)
            .set(registrators[Math.floor(i / 2) % 2])
            .send({ bodyCode: 'KS', registeredOn: '2026-03-02' }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(cases.map(() => 200));
      const numbers = await Promise.all(cases.map(async (id) => (await api.http().get(`/cases/${id}`).set(registrators[0])).body.diarienummer as string));
      expect(numbers.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `KS 2026/${String(i + 1).padStart(5, '0')}`));

      const again = await request(second.getHttpServer())
        .post(`/cases/${cases[0]}/commands/register`)
        .set(registrators[1])
        .send({ bodyCode: 'KS', registeredOn: '2026-03-02' });
      expect(again.status).toBe(409); // registered already: the case refuses, and the series takes no number
      const auditor = await bearer({ roles: ['auditor'], tenant: 'osteraker' });
      const verdict = (await api.http().post('/audit/verify').set(auditor).send({})).body;
      expect(verdict).toMatchObject({ intact: true });
      expect(verdict.kinds.find((k: { kind: string }) => k.kind === 'diarium')).toMatchObject({ broken: [] });
      const { rows } = await api.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE tenant = 'osteraker' AND stream_id = 'diarium-KS-2026'`);
      expect(rows[0].n).toBe(40);
    } finally {
      await second.close();
    }
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
