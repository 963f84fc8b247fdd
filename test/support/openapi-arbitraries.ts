import fc from 'fast-check';
import type { OpenAPIV3 } from 'openapi-types';

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** Values that broke the service once or could: nulls, NUL and lone surrogates, huge numbers, formula text, deep nesting. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  '',
  ' ',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '=HYPERLINK("https://evil.example")',
  'x'.repeat(5_000),
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 64,
  '99999999999999999999',
  true,
  [],
  [null],
  {},
  { kind: null },
  JSON.parse('['.repeat(40) + ']'.repeat(40)),
  '2023-02-30',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
];

/**
 * A fast-check arbitrary of values that fit an OpenAPI schema (as @nestjs/swagger writes them):
 * objects with their required properties and some optional ones, enums, formats, bounds, nullables.
 * Recursion stops at `depth`.
 */
export function schemaArbitrary(schema: Schema, document: OpenAPIV3.Document, depth = 0): fc.Arbitrary<unknown> {
  if ('$ref' in schema) return schemaArbitrary(resolve(schema.$ref, document), document, depth);
  if (depth > 6) return fc.constant(null);
  const value = ownArbitrary(schema, document, depth);
  return schema.nullable ? fc.option(value, { nil: null }) : value;
}

function resolve(ref: string, document: OpenAPIV3.Document): Schema {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) as Schema;
}

function ownArbitrary(schema: OpenAPIV3.SchemaObject, document: OpenAPIV3.Document, depth: number): fc.Arbitrary<unknown> {
  const alternatives = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => schemaArbitrary(s, document, depth + 1)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema, document, depth);
    case 'array':
      return fc.array(schemaArbitrary(schema.items, document, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000_000 }), ...examples(schema));
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), ...examples(schema));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: OpenAPIV3.SchemaObject, document: OpenAPIV3.Document, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return fc.constant({});
  return fc.record(Object.fromEntries(properties.map(([name, property]) => [name, schemaArbitrary(property, document, depth + 1)])), {
    requiredKeys: schema.required ?? [],
  });
}

function stringArbitrary(schema: OpenAPIV3.SchemaObject): fc.Arbitrary<unknown> {
  const byFormat: Record<string, fc.Arbitrary<string>> = {
    date: fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    'date-time': fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    uuid: fc.uuid(),
    email: fc.emailAddress(),
  };
  const own = byFormat[schema.format ?? ''] ?? fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
  return fc.oneof(own, ...examples(schema));
}

function examples(schema: OpenAPIV3.SchemaObject): fc.Arbitrary<unknown>[] {
  return schema.example === undefined ? [] : [fc.constant(schema.example)];
}

/** Every path into a JSON value (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf((value as Record<string, unknown>)[key], path)];
  });
}

/** One change to a body: a value replaced by a hostile one, removed, or an unknown field added. */
export interface Mutation {
  readonly at: number;
  readonly kind: 'replace' | 'remove' | 'add';
  readonly hostile: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'add'),
  hostile: fc.nat({ max: HOSTILE_VALUES.length - 1 }),
});

/** `body` with the mutations applied in order (a copy); a mutation of a body that is not an object replaces it. */
export function mutate(body: unknown, mutations: readonly Mutation[]): unknown {
  let result = structuredCloneJson(body);
  for (const { at, kind, hostile } of mutations) {
    const paths = pathsOf(result);
    const replacement = structuredCloneJson(HOSTILE_VALUES[hostile]);
    if (paths.length === 0) {
      result = kind === 'add' ? { unexpected: replacement } : replacement;
      continue;
    }
    const path = paths[at % paths.length];
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, result as Record<string, unknown>);
    const key = path.at(-1)!;
    if (kind === 'remove') delete parent[key];
    else if (kind === 'add' && typeof parent === 'object' && !Array.isArray(parent)) parent[`unexpected${at % 7}`] = replacement;
    else parent[key] = replacement;
  }
  return result;
}

/** A deep copy through JSON, as a request body travels (undefined stays undefined). */
function structuredCloneJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
