import { isIsoDate, isTimestamp, type IsoDate, type Timestamp } from './calendar-date';

/**
 * A few schema combinators for command payloads. The core must refuse malformed input by
 * itself (it is also used outside HTTP, e.g. by seeding and replay tools), and its types are
 * inferred from the same schemas so that they cannot drift apart.
 */
export interface FieldIssue {
  /** Dotted path into the payload, e.g. `terms.period.start`. */
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
export type Schema<T> = (input: unknown, field: string) => Parsed<T>;
export type Infer<S> = S extends Schema<infer T> ? T : never;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (field: string, message: string): Parsed<never> => ({ ok: false, issues: [{ field, message }] });

function refine<T>(test: (input: unknown) => input is T, message: string): Schema<T> {
  return (input, field) => (test(input) ? ok(input) : fail(field, message));
}

const isString = (input: unknown): input is string => typeof input === 'string';

export const text = refine((i): i is string => isString(i) && i.trim() !== '', 'must be a non-empty string');
export const isoDate: Schema<IsoDate> = refine((i): i is string => isString(i) && isIsoDate(i), 'must be a date YYYY-MM-DD');
export const timestamp: Schema<Timestamp> = refine(
  (i): i is string => isString(i) && isTimestamp(i),
  'must be an ISO 8601 timestamp with an offset',
);
/** Signs are the rules' business (amounts ≥ 0 is a rule with its own message), not the schema's. */
export const integer = refine((i): i is number => Number.isSafeInteger(i), 'must be an integer');
export const boolean = refine((i): i is boolean => typeof i === 'boolean', 'must be true or false');

export function oneOf<const T extends string>(...values: T[]): Schema<T> {
  return refine((i): i is T => values.includes(i as T), `must be one of ${values.join(', ')}`);
}

/** Missing and null both mean "not given". */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (input, field) => (input === undefined || input === null ? ok(null) : schema(input, field));
}

export function list<T>(item: Schema<T>): Schema<T[]> {
  return (input, field) => {
    if (!Array.isArray(input)) return fail(field, 'must be a list');
    return collect(input.map((element, index) => item(element, `${field}[${index}]`)), (values) => values as T[]);
  };
}

type Shape = Record<string, Schema<unknown>>;
export type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** Unknown fields are refused: a misspelt optional field would otherwise vanish silently. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return (input, field) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(field, 'must be an object');
    const record = input as Record<string, unknown>;
    const unknown = Object.keys(record)
      .filter((key) => !(key in shape))
      .map((key) => ({ field: join(field, key), message: 'is not a known field' }));
    const keys = Object.keys(shape);
    const parsed = keys.map((key) => shape[key](record[key], join(field, key)));
    const result = collect(parsed, (values) => Object.fromEntries(keys.map((key, i) => [key, values[i]])) as ObjectOf<S>);
    return unknown.length === 0 ? result : { ok: false, issues: [...unknown, ...(result.ok ? [] : result.issues)] };
  };
}

type Variants = Record<string, Shape>;
export type VariantOf<V extends Variants> = { [K in keyof V]: { kind: K } & ObjectOf<V[K]> }[keyof V];

/** A union tagged by `kind`, e.g. fixed funding vs funding per inhabitant. */
export function variant<V extends Variants>(variants: V): Schema<VariantOf<V>> {
  const kinds = Object.keys(variants);
  return (input, field) => {
    const kind = (input as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !kinds.includes(kind)) return fail(join(field, 'kind'), `must be one of ${kinds.join(', ')}`);
    return object({ kind: oneOf(kind), ...variants[kind] })(input, field) as Parsed<VariantOf<V>>;
  };
}

function collect<R>(results: Parsed<unknown>[], build: (values: unknown[]) => R): Parsed<R> {
  const issues = results.flatMap((r) => (r.ok ? [] : r.issues));
  return issues.length > 0 ? { ok: false, issues } : ok(build(results.map((r) => (r as { value: unknown }).value)));
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function matching(pattern: RegExp, message: string): Schema<string> {
  return refine((i): i is string => isString(i) && pattern.test(i), message);
}
