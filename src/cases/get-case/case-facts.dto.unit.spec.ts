import { beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { fold, NO_INDEX_VALUES, type CaseFacts } from '../../lifecycle';
import { KRONOR_PATTERN } from '../../money';
import { factsInKronor } from '../shared/in-kronor';
import { caseMoney, moneyInKronor } from './case-money.dto';
import { seedEvents } from '../../../test/support/seeded-cases';
import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors } from '../../demo/seed-cases';
import { withRecursiveSchemas } from '../shared/case-result.dto';
import { CaseViewDto } from './case-view.dto';

type Schema = {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
};

@Module({})
class NoRoutesModule {}

/** The component schemas as Nest builds them for `GET /cases/:id`'s response. */
async function buildSchemas(): Promise<Record<string, Schema>> {
  const app = await NestFactory.create(NoRoutesModule, { logger: false });
  const document = withRecursiveSchemas(SwaggerModule.createDocument(app, new DocumentBuilder().build(), { extraModels: [CaseViewDto] }));
  await app.close();
  return (document.components?.schemas ?? {}) as Record<string, Schema>;
}

const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object is typed when it lists its properties, refers to or combines schemas, or says what
 * its additional properties hold; anything else would reach clients as an untyped `object`.
 */
const untypedObject = (s: Schema): boolean =>
  (s.type === 'object' || (s.type === undefined && s.$ref === undefined && !s.allOf && !s.oneOf && !s.anyOf && !s.enum)) &&
  s.properties === undefined &&
  s.$ref === undefined &&
  s.allOf === undefined &&
  s.oneOf === undefined &&
  s.anyOf === undefined &&
  !isObject(s.additionalProperties);

/** Every schema reachable from `root`, by path ("CaseViewDto.facts.decisions[]"), following $refs once each. */
function reachable(schemas: Record<string, Schema>, root: string): [string, Schema][] {
  const found: [string, Schema][] = [];
  const seen = new Set<string>();
  const visit = (path: string, s: Schema) => {
    found.push([path, s]);
    if (s.$ref !== undefined) return visitRef(s.$ref);
    for (const [key, property] of Object.entries(s.properties ?? {})) visit(`${path}.${key}`, property);
    if (s.items) visit(`${path}[]`, s.items);
    if (isObject(s.additionalProperties)) visit(`${path}{}`, s.additionalProperties);
    for (const [i, part] of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])].entries()) visit(`${path}|${i}`, part);
  };
  const visitRef = (ref: string) => {
    const name = refName(ref);
    if (seen.has(name)) return;
    seen.add(name);
    expect(schemas).toHaveProperty([name]);
    visit(name, schemas[name]!);
  };
  visitRef(root);
  return found;
}

/**
 * Where `value` does not fit `schema`: a small check of what the DTOs use (refs, allOf, oneOf,
 * nullable, enums, arrays, objects with required and no extra properties, scalar types).
 */
function misfits(schemas: Record<string, Schema>, value: unknown, s: Schema, path: string): string[] {
  if (s.$ref !== undefined) return misfits(schemas, value, schemas[refName(s.$ref)]!, path);
  if (value === null) return s.nullable ? [] : [`${path}: null, not nullable`];
  if (s.allOf) return s.allOf.flatMap((part) => misfits(schemas, value, part, path));
  if (s.oneOf) return s.oneOf.some((part) => misfits(schemas, value, part, path).length === 0) ? [] : [`${path}: fits none of oneOf`];
  if (s.enum && !s.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  switch (s.type) {
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => misfits(schemas, item, s.items!, `${path}[${i}]`)) : [`${path}: not an array`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: not an integer`];
    case 'string':
      if (typeof value !== 'string') return [`${path}: not a string`];
      return s.pattern === undefined || new RegExp(s.pattern).test(value) ? [] : [`${path}: ${JSON.stringify(value)} does not match its pattern`];
    case 'number':
    case 'boolean':
      return typeof value === s.type ? [] : [`${path}: not a ${s.type}`];
    default: {
      if (!isObject(value)) return [`${path}: not an object`];
      const properties = s.properties ?? {};
      return [
        ...(s.required ?? []).filter((key) => !(key in value)).map((key) => `${path}.${key}: missing`),
        ...Object.keys(value)
          .filter((key) => !(key in properties))
          .map((key) => `${path}.${key}: not documented`),
        ...Object.entries(value)
          .filter(([key]) => key in properties)
          .flatMap(([key, v]) => misfits(schemas, v, properties[key]!, `${path}.${key}`)),
      ];
    }
  }
}

/** The facts of the seed cases: all steps, and Robertsfors between the committee and the board. */
const factsOf: [string, CaseFacts][] = [
  ['Linköping, terminated', fold(seedEvents(linkoping)).context],
  ['Robertsfors, expired', fold(seedEvents(robertsfors)).context],
  ['Robertsfors, recommended to KS', fold(seedEvents(robertsfors, 'scheduleBoard')).context],
  ['Österåker Brottsofferjouren, final', fold(seedEvents(osterakerBrottsofferjouren)).context],
  ['Österåker Kvinnojouren, signed', fold(seedEvents(osterakerKvinnojouren)).context],
];
/** As the API gives them: amounts as kronor strings. */
const apiJson = (facts: CaseFacts): unknown => JSON.parse(JSON.stringify(factsInKronor(facts)));

describe('the OpenAPI schema of GET /cases/:id', () => {
  let schemas: Record<string, Schema>;
  beforeAll(async () => {
    schemas = await buildSchemas();
  });

  it('types every property under CaseViewDto: no untyped object anywhere', () => {
    const found = reachable(schemas, '#/components/schemas/CaseViewDto');
    expect(found.map(([path]) => path)).toEqual(
      expect.arrayContaining(['CaseViewDto.facts', 'CaseFactsDto.signatures', 'TermsDto.fundingLines', 'CaseMoneyDto.plan']),
    );
    expect(found.filter(([, s]) => untypedObject(s)).map(([path]) => path)).toEqual([]);
  });

  it('would see an untyped object: bare, or with untyped additional properties', () => {
    expect([{ type: 'object' }, { type: 'object', additionalProperties: true }, {}].map(untypedObject)).toEqual([true, true, true]);
    expect(untypedObject({ type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/PartyDto' }] })).toBe(false);
    expect(untypedObject({ type: 'object', additionalProperties: { type: 'string' } })).toBe(false);
  });

  it('documents every fact the lifecycle keeps, each as required (present, null when unknown)', () => {
    const keys = Object.keys(factsOf[0]![1]).sort();
    expect(Object.keys(schemas.CaseFactsDto?.properties ?? {}).sort()).toEqual(keys);
    expect([...(schemas.CaseFactsDto?.required ?? [])].sort()).toEqual(keys);
  });

  it.each(factsOf)('describes the facts of %s as they are', (_, facts) => {
    expect(misfits(schemas, apiJson(facts), { $ref: '#/components/schemas/CaseFactsDto' }, 'facts')).toEqual([]);
  });

  it.each(factsOf)('describes the money of %s as it is: the plan and the refund', (_, facts) => {
    const json: unknown = JSON.parse(JSON.stringify(moneyInKronor(caseMoney(facts, NO_INDEX_VALUES))));
    expect(misfits(schemas, json, { $ref: '#/components/schemas/CaseMoneyDto' }, 'money')).toEqual([]);
  });

  it('refuses facts that do not fit, so that the check above can fail', () => {
    const facts = apiJson(factsOf[0]![1]) as Record<string, unknown>;
    const broken = {
      ...facts,
      refund: 127_864.91,
      payments: [{ ...(facts.payments as object[])[0], amount: '472200.001' }],
      closed: { as: 'archived', on: '2025-09-30' },
      extra: 1,
    };
    expect(misfits(schemas, broken, { $ref: '#/components/schemas/CaseFactsDto' }, 'facts')).toEqual([
      'facts.extra: not documented',
      'facts.payments[0].amount: "472200.001" does not match its pattern',
      'facts.refund: not a string',
      'facts.closed.as: "archived" not in enum',
    ]);
  });

  it('marks dates as strings with format date, amounts as kronor strings, and funding lines as a oneOf on kind', () => {
    expect(schemas.CaseFactsDto?.properties?.finalOn).toMatchObject({ type: 'string', format: 'date', nullable: true });
    expect(schemas.PaymentDto?.properties?.paidOn).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.PaymentDto?.properties?.amount).toMatchObject({ type: 'string', pattern: KRONOR_PATTERN.source });
    expect(schemas.TermsDto?.properties?.fundingLines?.items).toMatchObject({ oneOf: expect.any(Array), discriminator: { propertyName: 'kind' } });
  });
});
