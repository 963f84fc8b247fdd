import { EVENT_SCHEMA_VERSIONS } from './case.event-schemas';
import { UnsupportedSchemaVersion } from './lifecycle.errors';

export type Payload = Readonly<Record<string, unknown>>;
/** Turns a payload of version n into version n + 1. Must return a new object: recorded data may be frozen or shared. */
export type Upcaster = (data: Payload) => Record<string, unknown>;

export interface EventSchemas {
  /** The version this build writes, per type. */
  readonly versions: Readonly<Record<string, number>>;
  /** upcasters[type][n]: version n → n + 1. */
  readonly upcasters: Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;
}

/** v1 → v2 of a payload that gained a field whose absence meant null. */
const withNull =
  (field: string): Upcaster =>
  (data) => ({ ...data, [field]: null });

/**
 * The upcasters of this build, per event type: when a payload changes, bump its version in
 * case.event-schemas.ts and add `{ [type]: { n: (vn) => vn+1 } }`. Issue 11 added the receipt of
 * what an official records for the organisation (8e) and the withdrawn finality of a late appeal (8a);
 * issue 14 the document each issuing event carries (its kind, template version and sha256).
 */
export const UPCASTERS: EventSchemas['upcasters'] = {
  ApplicationWithdrawn: { 1: withNull('receipt') },
  AgreementSigned: { 1: withNull('receipt'), 2: withNull('document') },
  CaseRegistered: { 1: withNull('document') },
  ProposalSigned: { 1: withNull('document') },
  PostingRecorded: { 1: withNull('document') },
  ReportBackSubmitted: { 1: withNull('document') },
  NoticeGiven: { 1: withNull('receipt') },
  AppealLodged: { 1: withNull('finalityWithdrawn') },
};

export const CURRENT_SCHEMAS: EventSchemas = { versions: EVENT_SCHEMA_VERSIONS, upcasters: UPCASTERS };

/**
 * A recorded payload in the shape this build reads: applies the chain vN → vN+1 → … → current.
 * A payload written by a newer build (a version above the current one) is refused, never guessed at.
 */
export function upcast(type: string, version: number, data: Payload, schemas: EventSchemas = CURRENT_SCHEMAS): Payload {
  const current = schemas.versions[type] ?? 1;
  if (version === current) return data;
  if (!Number.isInteger(version) || version < 1 || version > current) throw new UnsupportedSchemaVersion(type, version, current);
  let upcasted = data;
  for (let from = version; from < current; from++) {
    const step = schemas.upcasters[type]?.[from];
    if (step === undefined) throw new UnsupportedSchemaVersion(type, version, current, `no upcaster from v${from}`);
    upcasted = step(upcasted);
  }
  return upcasted;
}
