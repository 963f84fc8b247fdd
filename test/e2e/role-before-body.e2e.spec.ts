import type { Role } from '../../src/lifecycle';
import { linkoping } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

/**
 * Issue 12: a caller whose roles may not issue a command gets 403 before its body is validated, so
 * that a malformed body does not tell an unauthorised caller the command's shape. A caller who may
 * still gets the field-level 400.
 */
describe('a caller whose roles may not issue a command gets 403 before its body is validated', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']));
  });
  afterAll(() => api.stop());

  const malformed = { amount: 'lots', covers: null, unexpected: true };

  it('answers 403 FORBIDDEN_ROLE to a malformed case command from a role that may not give it, and 400 to one that may', async () => {
    const auditor = await api
      .http()
      .post(`/cases/${caseId}/commands/record-payment`)
      .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }))
      .send(malformed);
    expect(auditor.body).toEqual({ statusCode: 403, code: 'FORBIDDEN_ROLE', message: expect.any(String), details: { required: ['handlaggare'] } });
    expect(JSON.stringify(auditor.body)).not.toMatch(/amount|covers|unexpected/);

    const officer = await api
      .http()
      .post(`/cases/${caseId}/commands/record-payment`)
      .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping' }))
      .send(malformed);
    expect(officer.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'amount' })]) },
    });
  });

  it('answers 403 to a malformed application from a role that may not apply', async () => {
    const response = await api
      .http()
      .post('/cases')
      .set(await bearer({ roles: ['chef'], tenant: 'linkoping' }))
      .send({ organisation: 42 });
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
  });

  it('answers 403 to a malformed machine migration from anyone but an admin', async () => {
    const response = await api
      .http()
      .post(`/cases/${caseId}/machine-migrations`)
      .set(await bearer({ roles: ['chef'], tenant: 'linkoping' }))
      .send({ toVersion: 'two' });
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
  });

  it.each<[string, string, object, Role]>([
    ['an erasure by e-mail', '/data-subjects/erasures', { email: 42 }, 'handlaggare'],
    ['an anchor', '/audit/anchors', { unexpected: true }, 'auditor'],
    ['a bulk retry of notifications', '/notifications/retries', { ids: 'all' }, 'auditor'],
    ['a verification of everything', '/audit/verify', { anchor: 'not hex' }, 'handlaggare'],
  ])('answers 403 to a malformed request for %s from a role that may not make it', async (_, path, body, role) => {
    const response = await api
      .http()
      .post(path)
      .set(await bearer({ roles: [role], tenant: 'linkoping' }))
      .send(body);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE', details: { required: expect.any(Array) } });
    expect(JSON.stringify(response.body)).not.toMatch(/email|anchor must|ids/);
  });
});
