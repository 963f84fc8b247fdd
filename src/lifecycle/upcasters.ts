import { kronor } from '../money';
import { EVENT_SCHEMA_VERSIONS } from './case.event-schemas';
import type { FundingLine, Terms } from './case.values';
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

/** v1 → v2 of a payload whose amount fields were whole kronor: the same amounts in öre. */
const inOre =
  (...fields: string[]): Upcaster =>
  (data) => ({ ...data, ...Object.fromEntries(fields.map((field) => [field, kronor(data[field] as number)])) });

/** v1 terms: one funding, whole kronor, an own contribution in kronor, one indexation for the funding. */
interface TermsV1 extends Omit<Terms, 'fundingLines'> {
  funding: { kind: 'fixed'; amountPerYear: number } | { kind: 'perInhabitant'; amountPerInhabitant: number; inhabitants: number };
  volunteerContribution: { hours: number; valueKr: number } | null;
  indexation: { index: string; from: string } | null;
}

/**
 * v1 terms as funding lines in öre: the funding is the line `bidrag` (indexed as the terms were),
 * the volunteer contribution the line `ideell-insats` with its stated value. A v1 inhabitant count
 * states no date (`asOf` null).
 */
export function termsFromV1({ funding, volunteerContribution, indexation, ...rest }: TermsV1): Terms {
  const grant: FundingLine =
    funding.kind === 'fixed'
      ? { id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: kronor(funding.amountPerYear), indexation }
      : {
          id: 'bidrag',
          label: 'Bidrag',
          kind: 'perInhabitant',
          ratePerInhabitant: kronor(funding.amountPerInhabitant),
          inhabitants: { count: funding.inhabitants, asOf: null },
          indexation,
        };
  const own: FundingLine[] = volunteerContribution
    ? [
        {
          id: 'ideell-insats',
          label: 'Ideell insats',
          kind: 'ownContribution',
          hours: volunteerContribution.hours,
          hourlyValue: null,
          statedValue: kronor(volunteerContribution.valueKr),
        },
      ]
    : [];
  return { ...rest, fundingLines: [grant, ...own] };
}

const withTermsFromV1: Upcaster = (data) => ({ ...data, terms: termsFromV1(data.terms as TermsV1) });

/**
 * The upcasters of this build, per event type: when a payload changes, bump its version in
 * case.event-schemas.ts and add `{ [type]: { n: (vn) => vn+1 } }`. Issue 11 added the receipt of
 * what an official records for the organisation (8e), the withdrawn finality of a late appeal (8a)
 * and money to the öre (amounts in öre, terms as funding lines); issue 14 the document each issuing
 * event carries (its kind, template version and sha256).
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
  // Money to the öre (issue 11, items 1–2): amounts in öre, terms as funding lines.
  ApplicationSubmitted: { 1: withTermsFromV1 },
  ProposalDrafted: { 1: withTermsFromV1 },
  TermsAmended: { 1: (data) => ({ ...withTermsFromV1(data), effectiveFrom: data.agreedOn }) },
  PaymentRecorded: { 1: inOre('amount') },
  AnnualReportSubmitted: { 1: inOre('fundsUsed') },
  RepaymentClaimed: { 1: inOre('amount') },
  AgreementTerminated: { 1: inOre('refund') },
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
