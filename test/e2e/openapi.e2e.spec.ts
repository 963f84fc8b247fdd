import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { TestApi } from '../support/api';

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;
type Operation = { where: string; operation: OpenAPIV3.OperationObject };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_DTO = '#/components/schemas/ErrorDto';

/**
 * The health check's 503 is Terminus' health report ({ status: 'error', info, error, details }),
 * which is what the endpoint really answers with; documenting ErrorDto there would be wrong.
 */
const NOT_AN_ERROR_DTO = new Set(['GET /health 503']);

describe('the OpenAPI document', () => {
  let api: TestApi;
  let document: OpenAPIV3.Document;
  beforeAll(async () => {
    api = await TestApi.start();
    // The document as integrators fetch it, not as the app builds it in memory.
    const response = await api.http().get('/docs/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => api.stop());

  const operations = (): Operation[] =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item?.[method]).map((method) => ({ where: `${method.toUpperCase()} ${path}`, operation: item![method]! })),
    );

  it('validates against the OpenAPI 3 schema (swagger-parser)', async () => {
    // validate() dereferences in place; the other tests need the $refs.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ where, operation }) => operation.operationId ?? `(none on ${where})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives every request body and every 2xx response a schema (JSON, or the declared text formats of exports)', () => {
    const missing = operations().flatMap(({ where, operation }) => {
      const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      const bodyless = body && !body.content['application/json']?.schema ? [`${where} request body`] : [];
      const responses = Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .filter(([, response]) => !Object.values((response as OpenAPIV3.ResponseObject).content ?? {}).some((media) => media.schema))
        .map(([status]) => `${where} ${status}`);
      return [...bodyless, ...responses];
    });
    expect(missing).toEqual([]);
  });

  it('answers every error (4xx, 5xx) with the ErrorDto schema', () => {
    const errors = operations().flatMap(({ where, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .map(([status, response]) => ({ at: `${where} ${status}`, schema: (response as OpenAPIV3.ResponseObject).content?.['application/json']?.schema })),
    );
    expect(errors.length).toBeGreaterThan(0);
    const other = errors.filter(({ at, schema }) => !NOT_AN_ERROR_DTO.has(at) && (schema as OpenAPIV3.ReferenceObject | undefined)?.$ref !== ERROR_DTO);
    expect(other.map(({ at }) => at)).toEqual([]);
  });

  it('types every schema: no untyped objects, no schemas without a type', () => {
    const untyped: string[] = [];
    const seen = new Set<Schema>();
    const check = (schema: Schema | undefined, at: string): void => {
      if (!schema || seen.has(schema)) return;
      seen.add(schema);
      // A $ref is typed when its target is, and every component is checked on its own below.
      if ('$ref' in schema) return;
      const compositions = (['allOf', 'oneOf', 'anyOf'] as const).flatMap((k) => (schema[k] ?? []).map((s, i) => [s, `${at}.${k}[${i}]`] as const));
      compositions.forEach(([s, where]) => check(s, where));
      if (schema.type === 'array') return check(schema.items, `${at}[]`);
      const properties = Object.entries(schema.properties ?? {});
      properties.forEach(([name, s]) => check(s, `${at}.${name}`));
      const extra = schema.additionalProperties;
      const typedExtra = typeof extra === 'object' && Object.keys(extra).length > 0;
      if (typedExtra) check(extra, `${at}{*}`);
      if (compositions.length > 0 || schema.enum) return;
      if (schema.type === undefined) untyped.push(`${at}: no type`);
      // An object says what it holds: named properties, typed extra properties, or explicitly nothing.
      else if (schema.type === 'object' && properties.length === 0 && !typedExtra && extra !== false) untyped.push(`${at}: untyped object`);
    };

    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) check(schema, `components.schemas.${name}`);
    for (const { where, operation } of operations()) {
      for (const parameter of (operation.parameters ?? []) as OpenAPIV3.ParameterObject[])
        check(parameter.schema, `${where} ${parameter.in} parameter ${parameter.name}`);
      const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      for (const [type, media] of Object.entries(body?.content ?? {})) check(media.schema, `${where} request body (${type})`);
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, media] of Object.entries((response as OpenAPIV3.ResponseObject).content ?? {})) check(media.schema, `${where} ${status} (${type})`);
      }
    }
    expect(seen.size).toBeGreaterThan(100); // the walk really went through the document
    expect(untyped).toEqual([]);
  });

  it('documents body-less commands as objects that admit no properties', () => {
    const body = (document.paths['/cases/{id}/commands/record-final']?.post?.requestBody as OpenAPIV3.RequestBodyObject).content['application/json'].schema;
    expect(body).toEqual({ type: 'object', properties: {}, additionalProperties: false });
  });
});
