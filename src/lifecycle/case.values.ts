import type { IsoDate } from '../calendar';
import type { Ore } from '../money';

/**
 * Value objects shared by commands, events and facts. Amounts are integers in öre (src/money):
 * the API takes and gives kronor strings, and rounding happens once, by the one rule, where a
 * computation needs it (pro rata refunds, indexing). The enumerations are arrays so that the API
 * can validate and document them from the same list.
 */

/** A contracting party: the municipality or the non-profit organisation. */
export interface Party {
  name: string;
  /** `NNNNNN-NNNN` (the hyphen may be left out) with a Luhn check digit; checked by the rules. */
  organisationNumber: string;
}

export const PARTY_ROLES = ['municipality', 'organisation'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * A deciding body is data: KS, SN, SON, an utskott, KF. `committee` (utskott) only recommends;
 * a recommendation goes to a body of higher rank.
 */
export const BODY_KINDS = ['committee', 'board', 'council'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export interface DecidingBody {
  code: string;
  name: string;
  kind: BodyKind;
}

export const BODY_RANK: Record<BodyKind, number> = { committee: 0, board: 1, council: 2 };

/** Someone who signs in a capacity: "Linda Ljungqvist, Social- och omsorgsdirektör". */
export interface Person {
  name: string;
  title: string;
}

/**
 * The organisation's contact person: personal data (GDPR). Stored encrypted with a key of the
 * data subject's own (see src/personal-data); once the subject is erased the text fields read
 * {@link ERASED} and `erased` is true. `subjectId` is not personal data: it names the key.
 */
export interface ContactPerson {
  subjectId: string;
  name: string;
  email: string;
  phone: string | null;
  erased: boolean;
}

/** What an erased personal field reads as, everywhere (Swedish, like the rest of the record). */
export const ERASED = '[raderad]';

/** How a document the organisation sent reached the municipality, when an official records it for the organisation. */
export const RECEIPT_CHANNELS = ['paper', 'email'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/**
 * What an official (registrator or handläggare) records with the organisation's signature, notice
 * or withdrawal when it came on paper or by e-mail: how and when it was received, and for whom.
 * The official who recorded it is the event's actor (its metadata); null when the organisation
 * acted itself through the API.
 */
export interface Receipt {
  channel: ReceiptChannel;
  receivedOn: IsoDate;
  onBehalfOf: 'organisation';
}

export interface Officer {
  id: string;
  name: string;
}

export interface DateRange {
  start: IsoDate;
  /** Inclusive ("till och med"). */
  end: IsoDate;
}

/**
 * A line of the agreement's money, in öre ({@link Ore}). `id` names it within the case (stable
 * across amendments: an amendment that changes a line keeps its id), `label` says what it is in
 * the agreement's words ("Bidrag från kommunstyrelsen", "Föreningsbidrag"). Lines are kept apart:
 * a föreningsbidrag is not mixed into the IOP's grant.
 */
export const FUNDING_LINE_KINDS = ['fixed', 'perInhabitant', 'ownContribution'] as const satisfies readonly FundingLine['kind'][];
interface LineBase {
  id: string;
  label: string;
}
/** Linköping: 472 200 kr a year. */
export interface FixedLine extends LineBase {
  kind: 'fixed';
  amountPerYear: Ore;
  indexation: Indexation | null;
}
/** The inhabitants of the municipality on a stated date, as the agreement (or reference data) gives them. */
export interface Inhabitants {
  count: number;
  /** The date the figure is of (SCB: 1 November); null in terms recorded before it was stated (schema v1). */
  asOf: IsoDate | null;
}
/** Robertsfors: 3,00 kr × 6 784 inhabitants = 20 352,00 kr. */
export interface PerInhabitantLine extends LineBase {
  kind: 'perInhabitant';
  ratePerInhabitant: Ore;
  inhabitants: Inhabitants;
  indexation: Indexation | null;
}
/**
 * The organisation's own contribution (Linköping: ~1 500 volunteer hours valued at 341 314 kr):
 * part of what the agreement is worth, never paid by the municipality. Either hours × an hourly
 * value, or a stated value (then `hourlyValue` is null; `hours` may still say how many).
 */
export interface OwnContributionLine extends LineBase {
  kind: 'ownContribution';
  hours: number | null;
  hourlyValue: Ore | null;
  statedValue: Ore | null;
}
export type FundingLine = FixedLine | PerInhabitantLine | OwnContributionLine;
/** The lines the municipality pays (the payment plan's); an own contribution is valued, not paid. */
export type PaidLine = FixedLine | PerInhabitantLine;

/** Linköping: OPI (omsorgsprisindex) from 2024-01-01: the first indexed year is 2024; the values are reference data. */
export interface Indexation {
  index: string;
  from: IsoDate;
}

export const PAYMENT_SCHEDULES = ['yearly-in-january', 'on-invoice'] as const;
export type PaymentSchedule = (typeof PAYMENT_SCHEDULES)[number];

export interface Terms {
  /** One or more lines; each amount is per calendar year of the period. */
  fundingLines: FundingLine[];
  period: DateRange;
  noticeMonths: number;
  paymentSchedule: PaymentSchedule;
  /** Parts of the organisation's work the agreement does not cover (Kvinnojouren: skyddat boende). */
  exclusions: string[];
}

export const DECISION_OUTCOMES = ['approved', 'rejected', 'returned', 'deferred', 'recommended'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** What the court did with the decision: `upheld` (the appeal failed) or `quashed` (upphävt). */
export const APPEAL_OUTCOMES = ['upheld', 'quashed'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const FOLLOW_UP_FORUMS = ['operational', 'strategic'] as const;
export type FollowUpForum = (typeof FOLLOW_UP_FORUMS)[number];

/**
 * The documents the engine writes from a case's facts (src/documents): kvittens (to the
 * organisation on registration), tjänsteutlåtande (the proposal), protokollsutdrag (the decision),
 * överenskommelse (the agreement), återrapport (to the board at the period's end).
 */
export const DOCUMENT_KINDS = ['kvittens', 'tjansteutlatande', 'protokollsutdrag', 'overenskommelse', 'aterrapport'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A document that left the engine with the event that carries this (sent, signed, published): its
 * kind, the version of its template, and the sha256 of its PDF bytes. The engine computes it (the
 * lifecycle only records it): a signature so names the very document signed, and verification
 * regenerates the document and compares.
 */
export interface IssuedDocument {
  kind: DocumentKind;
  version: number;
  sha256: string;
}
