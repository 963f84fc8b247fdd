import type { Catalogue } from '../i18n/sv';
import { resolve, type OpenApiDocument, type Schema } from './schema';

/**
 * What a form holds while a person types: text as typed (numbers, dates), lists of words as lines,
 * objects as objects of drafts. `toBody` turns it into the request body; `check` finds what the
 * server would refuse as malformed, with the same constraints (they come from the same schema).
 */
export type Draft = string | boolean | Draft[] | { [key: string]: Draft };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isStringList = (schema: Schema) => schema.type === 'array' && (schema.items?.type === 'string' || !!schema.items?.enum);

export function emptyDraft(document: OpenApiDocument, schema: Schema): Draft {
  const resolved = resolve(document, schema);
  if (resolved.type === 'boolean') return false;
  if (resolved.type === 'object' || resolved.properties) {
    return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([name, property]) => [name, emptyDraft(document, property)]));
  }
  if (resolved.type === 'array' && !isStringList(resolved)) return [];
  return '';
}

/** Nothing filled in (an optional object left empty is sent as null or left out). */
function isBlank(draft: Draft): boolean {
  if (typeof draft === 'string') return draft.trim() === '';
  if (typeof draft === 'boolean') return false;
  if (Array.isArray(draft)) return draft.length === 0;
  return Object.values(draft).every((value) => typeof value === 'boolean' || isBlank(value));
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toBody(document: OpenApiDocument, schema: Schema, draft: Draft): unknown {
  const resolved = resolve(document, schema);
  if (resolved.type === 'object' || resolved.properties) {
    const object = draft as Record<string, Draft>;
    const body: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      const value = object[name];
      const inner = resolve(document, property);
      if (value === undefined || (isBlank(value) && inner.type !== 'array')) {
        if (inner.nullable) body[name] = null;
        continue;
      }
      body[name] = toBody(document, property, value);
    }
    return body;
  }
  if (resolved.type === 'array')
    return isStringList(resolved) ? lines(draft as string) : (draft as Draft[]).map((item) => toBody(document, resolved.items!, item));
  if (resolved.type === 'integer' || resolved.type === 'number') return Number((draft as string).replace(/\s/g, '').replace(',', '.'));
  return typeof draft === 'string' ? draft.trim() : draft;
}

/** Field path (`signatory.name`, `covers.start`, `decisionPoints`) → message; empty when the draft is well-formed. */
export function check(document: OpenApiDocument, schema: Schema, draft: Draft, t: Catalogue, path = ''): Record<string, string> {
  const resolved = resolve(document, schema);
  const errors: Record<string, string> = {};
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    const value = (draft as Record<string, Draft>)[name];
    const inner = resolve(document, property);
    const required = resolved.required?.includes(name) && !inner.nullable;
    const isObject = inner.type === 'object' || !!inner.properties;
    if (isBlank(value) && !(required && isObject)) {
      if (required && inner.type !== 'array') errors[at(name)] = inner.enum ? t.form.errors.choose : t.form.errors.required;
      continue;
    }
    // A required group left empty says which of its fields are missing, each at its field.
    if (isObject) Object.assign(errors, check(document, inner, value, t, at(name)));
    else if (inner.type === 'array' && !isStringList(inner))
      (value as Draft[]).forEach((item, i) => Object.assign(errors, check(document, inner.items!, item, t, at(`${name}.${i}`))));
    else {
      const message = checkValue(inner, value, t);
      if (message) errors[at(name)] = message;
    }
  }
  return errors;
}

function checkValue(schema: Schema, value: Draft, t: Catalogue): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (schema.format === 'date' && !(DATE.test(text) && !Number.isNaN(Date.parse(text)))) return t.form.errors.date;
  if (schema.type === 'integer' || schema.type === 'number') {
    const number = Number(text.replace(/\s/g, '').replace(',', '.'));
    if (Number.isNaN(number)) return t.form.errors.number;
    if (schema.type === 'integer' && !Number.isInteger(number)) return t.form.errors.integer;
    if (schema.minimum !== undefined && number < schema.minimum) return t.form.errors.minimum(schema.minimum);
    if (schema.maximum !== undefined && number > schema.maximum) return t.form.errors.maximum(schema.maximum);
  }
  if (schema.maxLength !== undefined && text.length > schema.maxLength) return t.form.errors.tooLong(schema.maxLength);
  if (schema.pattern && !new RegExp(schema.pattern).test(text)) return t.form.errors.pattern;
  return null;
}
