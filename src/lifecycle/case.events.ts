import type { IsoDate, Timestamp } from '../calendar';
import type { Ore } from '../money';
import type {
  AppealOutcome,
  ContactPerson,
  DateRange,
  DecidingBody,
  DecisionOutcome,
  FollowUpForum,
  Officer,
  Party,
  PartyRole,
  Person,
  Receipt,
  Terms,
  IssuedDocument,
} from './case.values';

/**
 * Everything that can happen to a case, as plain JSON: `{ type, data }`, the shape the event
 * store appends. Past tense, never changed once written: add a new type or a new machine
 * version instead. Every event carries `at`, the command's time, because the machine's date
 * rules ("not before the appeal window has closed") must give the same answer on replay.
 */
type CaseEventOf<T extends string, D> = { type: T; data: D & { at: Timestamp } };

export type ApplicationSubmitted = CaseEventOf<
  'ApplicationSubmitted',
  {
    municipality: Party;
    organisation: Party;
    purpose: string;
    targetGroups: string[];
    activities: string[];
    /** The requested terms; the proposal may change them. Schema v2: funding lines in öre (v1: one funding, whole kronor). */
    terms: Terms;
    receivedOn: IsoDate;
    /** Set when this case renews an earlier one. */
    previousCaseId: string | null;
    /** The organisation's contact person; absent in events recorded before contact persons existed. */
    contactPerson?: ContactPerson | null;
  }
>;
/**
 * Events that issue a document (schema v2 of each, or v3 of AgreementSigned) carry `document`: the
 * kind, template version and sha256 of the PDF that left the engine with them (src/documents);
 * null in older events and where the engine did not make it (a case folded in a test).
 */
type Issuing = { document: IssuedDocument | null };
/** Issues the kvittens to the organisation. */
export type CaseRegistered = CaseEventOf<'CaseRegistered', { diarienummer: string; registeredOn: IsoDate } & Issuing>;
export type OfficerAssigned = CaseEventOf<'OfficerAssigned', { officer: Officer; assignedOn: IsoDate }>;
/** Schema v2 adds `receipt` (null in v1 events: the organisation withdrew through the API). */
export type ApplicationWithdrawn = CaseEventOf<'ApplicationWithdrawn', { withdrawnOn: IsoDate; reason: string; receipt: Receipt | null }>;
export type ClosedAsIneligible = CaseEventOf<'ClosedAsIneligible', { closedOn: IsoDate; reason: string }>;
export type ProposalDrafted = CaseEventOf<
  'ProposalDrafted',
  {
    title: string;
    summary: string;
    /** Numbered decision points (beslutspunkter), in order. */
    decisionPoints: string[];
    /** "Kostnaden ska belasta Kommunstyrelsens budgetram." */
    financing: string;
    /** Schema v2: funding lines in öre (v1: one funding, whole kronor). */
    terms: Terms;
    attachments: string[];
    draftedOn: IsoDate;
  }
>;
/** The director signs the tjänsteutlåtande: `document` is the hash of the one signed. */
export type ProposalSigned = CaseEventOf<'ProposalSigned', { signedBy: Person; signedOn: IsoDate } & Issuing>;
export type MeetingScheduled = CaseEventOf<'MeetingScheduled', { body: DecidingBody; meetingDate: IsoDate }>;
export type DecisionRecorded = CaseEventOf<
  'DecisionRecorded',
  {
    outcome: DecisionOutcome;
    /** The protocol paragraph, e.g. "§ 142". */
    paragraph: string | null;
    /** The higher body, when the outcome is `recommended`. */
    recommendedTo: DecidingBody | null;
    motivation: string | null;
  }
>;
export type JusteringRecorded = CaseEventOf<'JusteringRecorded', { justeradOn: IsoDate }>;
/** Publishes the protokollsutdrag with the posting. */
export type PostingRecorded = CaseEventOf<'PostingRecorded', { postedOn: IsoDate; appealWindowEndsOn: IsoDate } & Issuing>;
export type DecisionBecameFinal = CaseEventOf<'DecisionBecameFinal', { finalOn: IsoDate }>;
/**
 * Schema v2 adds `finalityWithdrawn`: set when the appeal became known after the decision was
 * recorded final (machine v2): the decision was not final after all. `finalOn` is the date that
 * was recorded, `signedBy` the parties that had signed meanwhile (a person must resolve what
 * they signed). Null for an appeal lodged while the window was open, and in v1 events.
 */
export type AppealLodged = CaseEventOf<
  'AppealLodged',
  { lodgedOn: IsoDate; court: string; caseReference: string | null; finalityWithdrawn: { finalOn: IsoDate; signedBy: PartyRole[] } | null }
>;
export type AppealOutcomeRecorded = CaseEventOf<'AppealOutcomeRecorded', { outcome: AppealOutcome; decidedOn: IsoDate }>;
/**
 * Schema v2 adds `receipt`: the organisation's signature received on paper or by e-mail (null in v1
 * events); v3 `document`: the hash of the överenskommelse signed (both parties sign the same bytes).
 */
export type AgreementSigned = CaseEventOf<
  'AgreementSigned',
  { party: PartyRole; signatory: Person; organisationNumber: string; signedOn: IsoDate; receipt: Receipt | null } & Issuing
>;
/** Schema v2: `amount` in öre (v1: whole kronor). Matched to the payment plan by the years `covers` spans. */
export type PaymentRecorded = CaseEventOf<'PaymentRecorded', { amount: Ore; paidOn: IsoDate; covers: DateRange; reference: string | null }>;
export type FollowUpMeetingRecorded = CaseEventOf<
  'FollowUpMeetingRecorded',
  { forum: FollowUpForum; heldOn: IsoDate; convener: string; minutesRef: string | null }
>;
/** Schema v2: `fundsUsed` in öre (v1: whole kronor). */
export type AnnualReportSubmitted = CaseEventOf<'AnnualReportSubmitted', { year: number; volunteerHours: number; fundsUsed: Ore; submittedOn: IsoDate }>;
export type EvaluationRecorded = CaseEventOf<'EvaluationRecorded', { year: number; evaluatedOn: IsoDate; fundsUsedAsIntended: boolean; summary: string }>;
/** Schema v2: `amount` in öre (v1: whole kronor). */
export type RepaymentClaimed = CaseEventOf<'RepaymentClaimed', { amount: Ore; claimedOn: IsoDate; reason: string }>;
/** Sends the återrapport to the board. */
export type ReportBackSubmitted = CaseEventOf<'ReportBackSubmitted', { submittedOn: IsoDate; summary: string } & Issuing>;
/**
 * Schema v2: terms with funding lines in öre, and `effectiveFrom`, the day the new terms apply
 * from (the payment plan follows the earlier terms before it). v1 events read as effective from
 * the day they were agreed.
 */
export type TermsAmended = CaseEventOf<'TermsAmended', { terms: Terms; reason: string; agreedOn: IsoDate; effectiveFrom: IsoDate }>;
export type RenewalStarted = CaseEventOf<'RenewalStarted', { newCaseId: string; startedOn: IsoDate }>;
/** The linked new case was signed by both parties: this one ends as renewed. */
export type RenewalCompleted = CaseEventOf<'RenewalCompleted', { newCaseId: string; completedOn: IsoDate }>;
/** Schema v2 adds `receipt`: the organisation's notice received on paper or by e-mail (null in v1 events). */
export type NoticeGiven = CaseEventOf<
  'NoticeGiven',
  { party: PartyRole; receivedOn: IsoDate; inWriting: boolean; effectiveOn: IsoDate; receipt: Receipt | null }
>;
/** `refund`: unused funds in öre, pro rata by day over the paid periods (schema v2; v1: whole kronor). */
export type AgreementTerminated = CaseEventOf<'AgreementTerminated', { terminatedOn: IsoDate; refund: Ore }>;
export type AgreementExpired = CaseEventOf<'AgreementExpired', { expiredOn: IsoDate }>;

export type CaseEvent =
  | ApplicationSubmitted
  | CaseRegistered
  | OfficerAssigned
  | ApplicationWithdrawn
  | ClosedAsIneligible
  | ProposalDrafted
  | ProposalSigned
  | MeetingScheduled
  | DecisionRecorded
  | JusteringRecorded
  | PostingRecorded
  | DecisionBecameFinal
  | AppealLodged
  | AppealOutcomeRecorded
  | AgreementSigned
  | PaymentRecorded
  | FollowUpMeetingRecorded
  | AnnualReportSubmitted
  | EvaluationRecorded
  | RepaymentClaimed
  | ReportBackSubmitted
  | TermsAmended
  | RenewalStarted
  | RenewalCompleted
  | NoticeGiven
  | AgreementTerminated
  | AgreementExpired;

export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
export type EventData<T extends CaseEventType> = EventOf<T>['data'];
