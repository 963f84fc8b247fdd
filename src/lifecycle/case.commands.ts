import type { Timestamp } from '../calendar';
import type { CaseEventType, EventData } from './case.events';

/**
 * Command payloads are plain types: the core trusts its callers, and the API validates untrusted
 * input against DTOs that implement these types. Most commands record their payload as it is, so
 * their payload is the event's data without its time; the rest leave out what `decide` computes.
 */
type Recorded<T extends CaseEventType> = Omit<EventData<T>, 'at'>;
/** Commands the deadline engine fires: everything they record follows from the case. */
type NoPayload = Record<never, never>;

export type SubmitApplicationPayload = Recorded<'ApplicationSubmitted'>;
export type RegisterPayload = Recorded<'CaseRegistered'>;
export type AssignOfficerPayload = Recorded<'OfficerAssigned'>;
export type WithdrawPayload = Recorded<'ApplicationWithdrawn'>;
export type CloseIneligiblePayload = Recorded<'ClosedAsIneligible'>;
export type DraftProposalPayload = Recorded<'ProposalDrafted'>;
export type SignProposalPayload = Recorded<'ProposalSigned'>;
export type ScheduleMeetingPayload = Recorded<'MeetingScheduled'>;
export type RecordDecisionPayload = Recorded<'DecisionRecorded'>;
export type RecordJusteringPayload = Recorded<'JusteringRecorded'>;
export type RecordPostingPayload = Omit<Recorded<'PostingRecorded'>, 'appealWindowEndsOn'>;
export type RecordFinalPayload = NoPayload;
export type LodgeAppealPayload = Recorded<'AppealLodged'>;
export type RecordAppealOutcomePayload = Recorded<'AppealOutcomeRecorded'>;
export type SignPayload = Recorded<'AgreementSigned'>;
export type RecordPaymentPayload = Recorded<'PaymentRecorded'>;
export type RecordMeetingPayload = Recorded<'FollowUpMeetingRecorded'>;
export type SubmitAnnualReportPayload = Recorded<'AnnualReportSubmitted'>;
export type RecordEvaluationPayload = Recorded<'EvaluationRecorded'>;
export type ClaimRepaymentPayload = Recorded<'RepaymentClaimed'>;
export type SubmitReportBackPayload = Recorded<'ReportBackSubmitted'>;
export type AmendTermsPayload = Recorded<'TermsAmended'>;
export type StartRenewalPayload = Recorded<'RenewalStarted'>;
/** Given when the linked new case is signed (by the engine's process manager, or an officer). */
export type CompleteRenewalPayload = Recorded<'RenewalCompleted'>;
export type GiveNoticePayload = Omit<Recorded<'NoticeGiven'>, 'effectiveOn'>;
export type RecordTerminationPayload = NoPayload;
export type RecordExpiryPayload = NoPayload;

/** The payload of each command, named like the API's command types. */
export interface CommandPayloads {
  'submit-application': SubmitApplicationPayload;
  register: RegisterPayload;
  'assign-officer': AssignOfficerPayload;
  withdraw: WithdrawPayload;
  'close-ineligible': CloseIneligiblePayload;
  'draft-proposal': DraftProposalPayload;
  'sign-proposal': SignProposalPayload;
  'schedule-meeting': ScheduleMeetingPayload;
  'record-decision': RecordDecisionPayload;
  'record-justering': RecordJusteringPayload;
  'record-posting': RecordPostingPayload;
  'record-final': RecordFinalPayload;
  'lodge-appeal': LodgeAppealPayload;
  'record-appeal-outcome': RecordAppealOutcomePayload;
  sign: SignPayload;
  'record-payment': RecordPaymentPayload;
  'record-meeting': RecordMeetingPayload;
  'submit-annual-report': SubmitAnnualReportPayload;
  'record-evaluation': RecordEvaluationPayload;
  'claim-repayment': ClaimRepaymentPayload;
  'submit-report-back': SubmitReportBackPayload;
  'amend-terms': AmendTermsPayload;
  'start-renewal': StartRenewalPayload;
  'complete-renewal': CompleteRenewalPayload;
  'give-notice': GiveNoticePayload;
  'record-termination': RecordTerminationPayload;
  'record-expiry': RecordExpiryPayload;
}

export type CommandType = keyof CommandPayloads;
/** `now` is when the command is given, by the engine's clock; never part of a request body. */
export type CommandOf<K extends CommandType> = { type: K; now: Timestamp } & CommandPayloads[K];
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

/** In the order of the lifecycle, which is the order of `allowedCommands` and the docs. */
export const COMMAND_TYPES = [
  'submit-application',
  'register',
  'assign-officer',
  'withdraw',
  'close-ineligible',
  'draft-proposal',
  'sign-proposal',
  'schedule-meeting',
  'record-decision',
  'record-justering',
  'record-posting',
  'record-final',
  'lodge-appeal',
  'record-appeal-outcome',
  'sign',
  'record-payment',
  'record-meeting',
  'submit-annual-report',
  'record-evaluation',
  'claim-repayment',
  'submit-report-back',
  'amend-terms',
  'start-renewal',
  'complete-renewal',
  'give-notice',
  'record-termination',
  'record-expiry',
] as const satisfies readonly CommandType[];

/** Each command records exactly one event; the machine decides whether that event may happen. */
export const commandEvents = {
  'submit-application': 'ApplicationSubmitted',
  register: 'CaseRegistered',
  'assign-officer': 'OfficerAssigned',
  withdraw: 'ApplicationWithdrawn',
  'close-ineligible': 'ClosedAsIneligible',
  'draft-proposal': 'ProposalDrafted',
  'sign-proposal': 'ProposalSigned',
  'schedule-meeting': 'MeetingScheduled',
  'record-decision': 'DecisionRecorded',
  'record-justering': 'JusteringRecorded',
  'record-posting': 'PostingRecorded',
  'record-final': 'DecisionBecameFinal',
  'lodge-appeal': 'AppealLodged',
  'record-appeal-outcome': 'AppealOutcomeRecorded',
  sign: 'AgreementSigned',
  'record-payment': 'PaymentRecorded',
  'record-meeting': 'FollowUpMeetingRecorded',
  'submit-annual-report': 'AnnualReportSubmitted',
  'record-evaluation': 'EvaluationRecorded',
  'claim-repayment': 'RepaymentClaimed',
  'submit-report-back': 'ReportBackSubmitted',
  'amend-terms': 'TermsAmended',
  'start-renewal': 'RenewalStarted',
  'complete-renewal': 'RenewalCompleted',
  'give-notice': 'NoticeGiven',
  'record-termination': 'AgreementTerminated',
  'record-expiry': 'AgreementExpired',
} as const satisfies Record<CommandType, CaseEventType>;

export const ROLES = ['organisation', 'registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may give each command (domain.md's role table). Auditors read and never write; admins keep
 * reference data, not cases. `sign` and `give-notice` also depend on the party: the organisation
 * role acts for the organisation only, the signatory for the municipality only; the API checks that
 * with {@link partyRoles}. Organisation representatives act only on their own organisation's cases.
 */
export const commandRoles: Record<CommandType, readonly Role[]> = {
  // Paper applications are entered by the registrator on the organisation's behalf.
  'submit-application': ['organisation', 'registrator'],
  register: ['registrator'],
  'assign-officer': ['registrator', 'chef'],
  withdraw: ['organisation'],
  'close-ineligible': ['handlaggare', 'chef'],
  'draft-proposal': ['handlaggare'],
  'sign-proposal': ['chef'],
  'schedule-meeting': ['namndsekreterare'],
  'record-decision': ['namndsekreterare'],
  'record-justering': ['namndsekreterare'],
  'record-posting': ['namndsekreterare'],
  'record-final': ['namndsekreterare'],
  'lodge-appeal': ['namndsekreterare'],
  'record-appeal-outcome': ['namndsekreterare'],
  sign: ['signatory', 'organisation'],
  'record-payment': ['handlaggare'],
  'record-meeting': ['handlaggare'],
  'submit-annual-report': ['organisation'],
  'record-evaluation': ['handlaggare'],
  'claim-repayment': ['handlaggare', 'chef'],
  'submit-report-back': ['handlaggare'],
  'amend-terms': ['handlaggare'],
  'start-renewal': ['handlaggare'],
  'complete-renewal': ['handlaggare'],
  'give-notice': ['organisation', 'signatory'],
  'record-termination': ['handlaggare'],
  'record-expiry': ['handlaggare'],
};

/** For commands that name a party: the role that may act for it. */
export const partyRoles = { municipality: 'signatory', organisation: 'organisation' } as const satisfies Record<string, Role>;
