import { bearer, TestApi } from '../support/api';
import { VALID_BODIES } from '../support/command-bodies';

/**
 * Issue 12: input that answered 500 — JSON nested thousands of levels deep, a NUL or a lone
 * surrogate in a string (also in an e-mail address), `null` inside `terms.fundingLines` or as a feed
 * token's scope, an `offset` beyond bigint — is refused with 400 and a machine-readable code, and
 * writes nothing; a body over the limit gets 413; no error answer carries a stack.
 */
describe('hostile input is refused at the edge', () => {
  let api: TestApi;
  const application = VALID_BODIES['submit-application'] as Record<string, Record<string, unknown>>;
  const organisation = () => bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' });
  const officer = () => bearer({ roles: ['handlaggare', 'admin'], tenant: 'linkoping' });
  const apply = async (body: string | object) =>
    api
      .http()
      .post('/cases')
      .set(await organisation())
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const writes = async () => Number((await api.db.pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  let before: number;
  beforeEach(async () => (before = await writes()));
  afterEach(async () => expect(await writes()).toBe(before));

  it('answers JSON nested thousands of levels deep with 400 MALFORMED_BODY', async () => {
    const deep = `{"purpose":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect((await apply(deep)).body).toEqual({ statusCode: 400, code: 'MALFORMED_BODY', message: expect.stringMatching(/deeper than 32/) });
    // Brackets inside strings are text, not nesting.
    expect((await apply({ ...application, purpose: '['.repeat(5000) })).status).toBe(201);
    before = await writes();
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    expect((await apply({ ...application, purpose: 'x'.repeat(200_000) })).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers malformed JSON with 400 MALFORMED_BODY', async () => {
    expect((await apply('{"purpose":')).body).toMatchObject({ statusCode: 400, code: 'MALFORMED_BODY' });
  });

  it('refuses a NUL or a lone surrogate in a string with 400, naming the field', async () => {
    const nul = await apply({ ...application, organisation: { ...application.organisation, name: 'Brotts\u0000offerjouren' } });
    expect(nul.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'organisation.name', messages: [expect.stringMatching(/NUL/)] }] },
    });
    const surrogate = await apply(JSON.stringify({ ...application, purpose: 'SURROGATE' }).replace('SURROGATE', '\\ud800'));
    expect(surrogate.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'purpose', messages: [expect.stringMatching(/surrogate/)] }] },
    });
  });

  it('refuses a lone surrogate in an e-mail address with 400', async () => {
    const response = await api
      .http()
      .post('/data-subjects/erasures')
      .set(await officer())
      .set('Content-Type', 'application/json')
      .send('{"email":"anna\\udc00@example.se"}');
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [{ field: 'email' }] } });
  });

  it('refuses null where an object is expected (inside terms.fundingLines) with 400', async () => {
    for (const fundingLines of [[null], null, { kind: 'fixed', amountPerYear: '1.00' }, [[{ kind: 'fixed', amountPerYear: '1.00' }]]]) {
      const response = await apply({ ...application, terms: { ...application.terms, fundingLines } });
      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: { fields: expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^terms\.fundingLines/) })]) },
      });
    }
  });

  it('refuses an amount in any form but the documented kronor string with 400, naming the form', async () => {
    const [grant, ...rest] = (application.terms as { fundingLines: Record<string, unknown>[] }).fundingLines;
    for (const amountPerYear of [472_200, 105_574.4, '105574.401', '1 000', '1e3', '']) {
      const response = await apply({ ...application, terms: { ...application.terms, fundingLines: [{ ...grant, amountPerYear }, ...rest] } });
      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            { field: 'terms.fundingLines.0.amountPerYear', messages: [expect.stringContaining('decimal string with at most two decimals, e.g. "105574.40"')] },
          ],
        },
      });
    }
  });

  it('refuses a null feed token scope with 400', async () => {
    const response = await api
      .http()
      .post('/deadlines/feed-tokens')
      .set(await officer())
      .send({ scope: null });
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'scope' })] } });
  });

  it('bounds every paging parameter: an offset beyond bigint is 400', async () => {
    for (const path of ['/cases', '/deadlines']) {
      for (const offset of ['99999999999999999999', '1e400', '-1', '1.5']) {
        const response = await api
          .http()
          .get(`${path}?offset=${offset}`)
          .set(await officer());
        expect({ path, offset, body: response.body }).toMatchObject({ body: { statusCode: 400, code: 'VALIDATION_FAILED' } });
      }
    }
  });

  it('answers anything unexpected as JSON without a stack', async () => {
    const answers = [
      await api.http().get('/health?%'),
      await api.http().get('/no/such/path'),
      await api
        .http()
        .post('/cases')
        .set(await organisation())
        .set('Content-Type', 'application/json; charset=latin-9')
        .send('{}'),
      await api
        .http()
        .post('/cases')
        .set(await organisation())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'br-zip')
        .send('{}'),
    ];
    for (const answer of answers) {
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    }
  });
});
