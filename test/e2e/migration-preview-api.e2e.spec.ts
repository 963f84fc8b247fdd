import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren } from '../../src/demo/seed-cases';
import { bearer, TestApi, type Caller } from '../support/api';
import { walk } from '../support/seed-walk';

const upTo = (seed: object, last: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(last) + 1);
const admin: Caller = { roles: ['admin'], tenant: 'osteraker' };

/** GET /machine-migrations/preview: the admins' screen's view of `npm run lifecycle:preview-migration`, for their tenant. */
describe('the migration preview over HTTP', () => {
  let api: TestApi;
  let signing: string;
  let halfSigned: string;
  beforeAll(async () => {
    api = await TestApi.start();
    signing = (await walk(api, 'osteraker', osterakerBrottsofferjouren, upTo(osterakerBrottsofferjouren, 'final'))).caseId;
    halfSigned = (await walk(api, 'osteraker', osterakerKvinnojouren, upTo(osterakerKvinnojouren, 'signMunicipality'))).caseId;
    await walk(api, 'linkoping', linkoping, upTo(linkoping, 'submit'));
  });
  afterAll(() => api.stop());

  const preview = async (query: string, caller: Caller = admin) =>
    api
      .http()
      .get(`/machine-migrations/preview${query}`)
      .set(await bearer(caller));

  it("replays the tenant's live cases under the candidate version and counts the outcomes, changing nothing", async () => {
    const before = await api.db.pool.query('SELECT count(*)::int AS n FROM events');
    const { status, body } = await preview('?version=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ machine: 'iopCase', version: 1, summary: { live: 2, closed: 0, same: 2, diverges: 0, stuck: 0, refused: 0 } });
    expect(body.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([signing, halfSigned].sort());
    expect(body.cases.find((c: { caseId: string }) => c.caseId === halfSigned)).toMatchObject({
      outcome: 'same',
      now: ['signing.municipality.signed', 'signing.organisation.unsigned'],
      candidate: ['signing.municipality.signed', 'signing.organisation.unsigned'],
    });
    expect((await api.db.pool.query('SELECT count(*)::int AS n FROM events')).rows).toEqual(before.rows);
  });

  it('refuses a version this build does not have (400) and anyone but an admin (403)', async () => {
    const unknown = await preview('?version=99');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'version', messages: [expect.stringMatching(/^registered: 1(, \d+)*$/)] }] },
    });
    expect((await preview('')).status).toBe(400);
    for (const role of ['handlaggare', 'auditor'] as const) {
      const refused = await preview('?version=1', { roles: [role], tenant: 'osteraker' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    }
  });
});
