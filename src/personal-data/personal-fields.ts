import type { JsonObject, JsonValue } from '../event-store/event-store.port';
import { ERASED, type CaseEventType } from '../lifecycle';
import { openText, sealText } from './field-cipher';

/**
 * A personal object in an event's data: `data[key]` is `{ subjectId, ...fields }` (or null). Its
 * `fields` are personal data, stored sealed with the subject's key; `subjectId` names that key and
 * is stored as it is. Read back, the object also says whether its subject was `erased`.
 */
export interface PersonalObject {
  readonly key: string;
  readonly fields: readonly string[];
}

/** Which event payload fields are personal. A new personal field is declared here, and only here. */
export const PERSONAL_FIELDS: { readonly [T in CaseEventType]?: readonly PersonalObject[] } = {
  ApplicationSubmitted: [{ key: 'contactPerson', fields: ['name', 'email', 'phone'] }],
};

/** The subject's data key; null once the subject is erased. */
export type KeyOf = (subjectId: string) => Buffer | null;

type Personal = { subjectId: string; erased?: boolean } & Record<string, JsonValue>;

function personalObjects(type: string, data: JsonObject): [PersonalObject, Personal][] {
  const declared = PERSONAL_FIELDS[type as CaseEventType] ?? [];
  return declared.flatMap((object) => {
    const value = data[object.key];
    return value && typeof value === 'object' && !Array.isArray(value) ? [[object, value as Personal]] : [];
  });
}

/** The data subjects an event's data names. */
export function subjectsIn(type: string, data: JsonObject): string[] {
  return personalObjects(type, data).map(([, value]) => value.subjectId);
}

/** Where a sealed field belongs: a field sealed for one subject and field does not open as another. */
const placeOf = (subjectId: string, object: PersonalObject, field: string) => `${subjectId}/${object.key}.${field}`;

/** The data as it is stored: every personal field sealed with its subject's key (the `erased` flag is not stored). */
export function sealData(type: string, data: JsonObject, keyOf: (subjectId: string) => Buffer): JsonObject {
  const objects = personalObjects(type, data);
  if (objects.length === 0) return data;
  const sealed: JsonObject = { ...data };
  for (const [object, { erased: _erased, ...value }] of objects) {
    const key = keyOf(value.subjectId);
    sealed[object.key] = mapFields(value, object, (text, field) => sealText(key, text, placeOf(value.subjectId, object, field)));
  }
  return sealed;
}

/** The data as readers see it: personal fields opened, or {@link ERASED} when the subject's key is gone. */
export function openData(type: string, data: JsonObject, keyOf: KeyOf): JsonObject {
  const objects = personalObjects(type, data);
  if (objects.length === 0) return data;
  const opened: JsonObject = { ...data };
  for (const [object, value] of objects) {
    const key = keyOf(value.subjectId);
    const fields = mapFields(value, object, (sealed, field) => (key ? openText(key, sealed, placeOf(value.subjectId, object, field)) : ERASED));
    opened[object.key] = { ...fields, erased: key === null };
  }
  return opened;
}

/** Applies `f` to the object's personal text fields; absent values (null) stay absent. */
function mapFields(value: Personal, object: PersonalObject, f: (text: string, field: string) => string): Personal {
  const mapped: Personal = { ...value };
  for (const field of object.fields) {
    const text = value[field];
    if (typeof text === 'string') mapped[field] = f(text, field);
  }
  return mapped;
}
