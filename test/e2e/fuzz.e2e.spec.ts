import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';
import { linkoping } from '../../src/demo/seed-cases';
import { ROLES } from '../../src/lifecycle';
import { TestApi, tokenFor } from '../support/api';
import { VALID_BODIES } from '../support/command-bodies';
import { HOSTILE_VALUES, mutate, mutationArbitrary, schemaArbitrary } from '../support/openapi-arbitraries';
import { walk } from '../support/seed-walk';

/** Fixed, so that a failure replays: fast-check reports the counterexample and its path with this seed. */
const SEED = 20_261_202;
/** Requests per operation of the OpenAPI document, and for the malformed URLs, headers and encodings. */
const RUNS_PER_OPERATION = 40;
const RUNS_MALFORMED = 300;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface FuzzRequest {
  readonly method: (typeof METHODS)[number];
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

/** A bearer token of each role of the tenant, an organisation's, another tenant's, and broken ones. */
async function authorizations(): Promise<string[]> {
  const callers = [
    ...ROLES.map((role) => ({ roles: [role], tenant: 'linkoping', ...(role === 'organisation' && { org: '822004-0417' }) })),
    { roles: ['handlaggare' as const, 'admin' as const, 'auditor' as const, 'registrator' as const, 'chef' as const], tenant: 'linkoping' },
    { roles: ['admin' as const], tenant: 'osteraker' },
  ];
  const tokens = await Promise.all(callers.map((caller) => tokenFor(caller)));
  return [...tokens.map((token) => `Bearer ${token}`), 'Bearer', 'Bearer x.y.z', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${tokens[0]}x`, ''];
}

const PATH_SEGMENTS = ['%00', '..', '%zz', '%E2%82', 'null', '%F0%9F%98%80', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000', '-1'];
const QUERY_NOISE = [
  '',
  '%',
  'token[]=x',
  'token[a]=x',
  'a[b][c]=1',
  'offset=1e400',
  'limit=-1',
  'limit=99999999999999999999',
  '%00=%00',
  'x=%ud800',
  '&&&',
  '==',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/vnd.api+json',
];
const IF_MATCH = ['"0"', '"1"', 'W/"2"', '"abc"', '*', '"99999999999999999999"', '"-1"'];
const RAW_BODIES: (string | Buffer)[] = [
  '{"a":',
  '[]',
  'null',
  '"\\u0000"',
  Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
  '{"a":"\\ud800"}',
  '{' + '"a":{'.repeat(40) + '}'.repeat(41),
  '',
];

/**
 * Issue 12: a property-based fuzz of the whole API. Request bodies are generated from the OpenAPI
 * document's schemas (or the seed's valid bodies) and mutated with hostile values; URLs, headers and
 * encodings are malformed on purpose. Whatever is sent: never a 5xx, every error is JSON with a
 * code, and a refused request writes nothing.
 */
describe('fuzzing the API from its OpenAPI document', () => {
  let api: TestApi;
  let document: OpenAPIV3.Document;
  let auth: string[];
  let caseId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    document = (await api.http().get('/docs/openapi.json')).body;
    auth = await authorizations();
    ({ caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register', 'assignOfficer']));
    console.log(`fuzz seed ${SEED}: ${RUNS_PER_OPERATION} requests per operation, ${RUNS_MALFORMED} malformed ones`);
  });
  const answered: Record<string, number> = {};
  afterAll(async () => {
    console.log(`fuzz seed ${SEED}: answers by status ${JSON.stringify(answered)}`);
    await api.stop();
  });

  /** What a request may have written: case events under its correlation id, feed tokens, anchors. */
  const writes = async (correlationId: string) =>
    Number(
      (
        await api.db.pool.query(
          `SELECT (SELECT count(*) FROM events WHERE metadata->>'correlationId' = $1)
                + (SELECT count(*) FROM deadline_feed_tokens) + (SELECT count(*) FROM anchors) AS n`,
          [correlationId],
        )
      ).rows[0].n,
    );

  async function send({ method, path, headers, body }: FuzzRequest): Promise<void> {
    const correlationId = randomUUID();
    const before = await writes(correlationId);
    let request = api.http()[method](path).set('X-Correlation-Id', correlationId);
    for (const [name, value] of Object.entries(headers)) if (value !== '') request = request.set(name, value);
    const response = await (body === undefined ? request : request.send(body));
    answered[response.status] = (answered[response.status] ?? 0) + 1;
    const what = `${method.toUpperCase()} ${path} → ${response.status} ${response.text.slice(0, 300)}`;
    if (response.status >= 500) throw new Error(`5xx: ${what}`);
    if (response.status >= 400) {
      if (!/^application\/json/.test(response.headers['content-type'] ?? '')) throw new Error(`not JSON: ${what}`);
      if (typeof response.body.code !== 'string') throw new Error(`no code: ${what}`);
      if ((await writes(correlationId)) !== before) throw new Error(`a refused request wrote: ${what}`);
    }
  }

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, operation: item![method]! })),
    );

  /** Requests for one operation: its path filled in, its query from its parameters, a body from its schema or a seed, mutated. */
  function requestsFor(path: string, method: (typeof METHODS)[number], operation: OpenAPIV3.OperationObject): fc.Arbitrary<FuzzRequest> {
    const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
    const pathValue = fc.oneof(fc.constant(caseId), fc.uuid(), fc.constantFrom(...PATH_SEGMENTS));
    const queryParameters = parameters.filter((p) => p.in === 'query');
    const query = fc.tuple(
      ...queryParameters.map((p) => fc.option(fc.oneof(schemaArbitrary(p.schema ?? {}, document), fc.constantFrom(...HOSTILE_VALUES)))),
      fc.constantFrom(...QUERY_NOISE),
    );
    const schema = (operation.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content?.['application/json']?.schema;
    const seed =
      VALID_BODIES[path.split('/').at(-1) as keyof typeof VALID_BODIES] ??
      (path === '/cases' && method === 'post' ? VALID_BODIES['submit-application'] : undefined);
    const valid = fc.oneof(...(schema ? [schemaArbitrary(schema, document)] : [fc.constant({})]), ...(seed ? [fc.constant(seed)] : []));
    const body = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(valid, fc.array(mutationArbitrary, { maxLength: 3 })).map(([value, mutations]) => JSON.stringify(mutate(value, mutations))),
      },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
    );
    const headers = fc.record(
      {
        Authorization: fc.constantFrom(...auth.slice(0, -5), ...auth.slice(0, -5), ...auth.slice(-5)),
        'Content-Type': fc.constantFrom(...CONTENT_TYPES),
        'If-Match': fc.constantFrom(...IF_MATCH),
        'Idempotency-Key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
      },
      { requiredKeys: ['Authorization', 'Content-Type'] },
    );
    return fc.record({ ids: fc.array(pathValue, { minLength: 4, maxLength: 4 }), query, headers, body }).map(({ ids, query: values, headers: h, body: b }) => {
      let i = 0;
      const filled = path.replace(/\{[^}]+\}/g, () => ids[i++ % ids.length]);
      const pairs = queryParameters.flatMap((p, index) =>
        values[index] === null ? [] : [`${encodeURIComponent(p.name)}=${queryValue(String(values[index]))}`],
      );
      const search = [...pairs, values.at(-1) as string].filter((pair) => pair !== '').join('&');
      return {
        method,
        path: search ? `${filled}?${search}` : filled,
        headers: { ...h, 'Idempotency-Key': toHeader(h['Idempotency-Key']) },
        ...(method !== 'get' && method !== 'delete' && { body: b }),
      };
    });
  }

  it('answers every operation of the document, with generated and mutated input, never with a 5xx or a write when refused', async () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(30);
    for (const { path, method, operation } of all) {
      await fc.assert(
        fc.asyncProperty(requestsFor(path, method, operation), (request) => send(request)),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
  }, 600_000);

  it('answers malformed URLs, headers and encodings without a 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom(...PATH_SEGMENTS, 'cases', 'deadlines', 'audit', 'health', 'docs', caseId, 'commands', 'sign'),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const request = fc.record({
      method: fc.constantFrom(...METHODS),
      segments: fc.array(segment, { minLength: 1, maxLength: 5 }),
      query: fc.constantFrom(...QUERY_NOISE),
      headers: fc.record(
        {
          Authorization: fc.constantFrom(...auth),
          'Content-Type': fc.constantFrom(...CONTENT_TYPES),
          'Content-Encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
          Accept: fc.constantFrom('text/calendar', '*/*', 'application/xml', ''),
          'If-Match': fc.constantFrom(...IF_MATCH),
        },
        { requiredKeys: ['Authorization'] },
      ),
      body: fc.constantFrom(...RAW_BODIES),
    });
    await fc.assert(
      fc.asyncProperty(request, ({ method, segments, query, headers, body }) =>
        send({ method, path: `/${segments.join('/')}${query ? `?${query}` : ''}`, headers, ...(method !== 'get' && { body }) }),
      ),
      { seed: SEED, numRuns: RUNS_MALFORMED, endOnFailure: true },
    );
  }, 300_000);
});

/** Percent-encoded; a lone surrogate (which encodeURIComponent refuses) as the bytes a careless client would send for it. */
function queryValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

/** Header values are Latin-1 without control characters: what an HTTP client can send at all. */
function toHeader(value: string | undefined): string {
  return (value ?? '').replace(/[^\x20-\x7e]/g, '?');
}
