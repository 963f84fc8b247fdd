import { integer, isoDate, list, nullable, object, oneOf, text, variant, type Infer } from './validation';

/**
 * Value objects shared by commands, events and facts. Amounts are whole kronor (integers): the
 * source documents state whole kronor, and rounding happens once, where a computation needs it
 * (pro rata refunds, indexing).
 */
export const partySchema = object({ name: text, organisationNumber: text });
/** A contracting party: the municipality or the non-profit organisation. */
export type Party = Infer<typeof partySchema>;

export const PARTY_ROLES = ['municipality', 'organisation'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const partyRoleSchema = oneOf(...PARTY_ROLES);

/**
 * A deciding body is data: KS, SN, SON, an utskott, KF. `committee` (utskott) only recommends;
 * a recommendation goes to a body of higher rank.
 */
export const BODY_KINDS = ['committee', 'board', 'council'] as const;
export const bodySchema = object({ code: text, name: text, kind: oneOf(...BODY_KINDS) });
export type DecidingBody = Infer<typeof bodySchema>;
export type BodyKind = DecidingBody['kind'];

export const BODY_RANK: Record<BodyKind, number> = { committee: 0, board: 1, council: 2 };

export const personSchema = object({ name: text, title: text });
/** Someone who signs in a capacity: "Linda Ljungqvist, Social- och omsorgsdirektör". */
export type Person = Infer<typeof personSchema>;

export const officerSchema = object({ id: text, name: text });
export type Officer = Infer<typeof officerSchema>;

export const dateRangeSchema = object({ start: isoDate, end: isoDate });

export const fundingSchema = variant({
  fixed: { amountPerYear: integer },
  /** Robertsfors: 3 kr × 6 784 inhabitants = 20 352 kr. */
  perInhabitant: { amountPerInhabitant: integer, inhabitants: integer },
});
export type Funding = Infer<typeof fundingSchema>;

export const termsSchema = object({
  funding: fundingSchema,
  /** The organisation's own contribution (Linköping: ~1 500 hours valued at 341 314 kr). */
  volunteerContribution: nullable(object({ hours: integer, valueKr: integer })),
  period: dateRangeSchema,
  noticeMonths: integer,
  paymentSchedule: oneOf('yearly-in-january', 'on-invoice'),
  /** Linköping: OPI (omsorgsprisindex) from 2024-01-01; the values are reference data. */
  indexation: nullable(object({ index: text, from: isoDate })),
  /** Parts of the organisation's work the agreement does not cover (Kvinnojouren: skyddat boende). */
  exclusions: list(text),
});
export type Terms = Infer<typeof termsSchema>;

export function yearlyAmount(funding: Funding): number {
  return funding.kind === 'fixed' ? funding.amountPerYear : funding.amountPerInhabitant * funding.inhabitants;
}
