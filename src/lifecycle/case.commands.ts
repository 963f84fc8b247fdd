import type { Timestamp } from './calendar-date';
import type { CaseEventType } from './case.events';
import {
  bodySchema,
  dateRangeSchema,
  officerSchema,
  partyRoleSchema,
  partySchema,
  personSchema,
  termsSchema,
} from './case.values';
import { boolean, integer, isoDate, list, matching, nullable, object, oneOf, text, type Infer } from './validation';

/** `KS 2023/01692`, `SN 2023/0050`, `SON 2019-536`, `SON: 2019-536`: one series per body and year. */
const diarienummer = matching(/^[A-ZÅÄÖ]{1,10}:? ?\d{4}[/-]\d{1,6}$/, 'must look like "KS 2023/01692"');
const none = object({});

/** The payload of each command, named like the API's command types. */
export const commandPayloads = {
  'submit-application': object({
    municipality: partySchema,
    organisation: partySchema,
    purpose: text,
    targetGroups: list(text),
    activities: list(text),
    terms: termsSchema,
    receivedOn: isoDate,
    previousCaseId: nullable(text),
  }),
  register: object({ diarienummer, registeredOn: isoDate }),
  'assign-officer': object({ officer: officerSchema, assignedOn: isoDate }),
  withdraw: object({ withdrawnOn: isoDate, reason: text }),
  'close-ineligible': object({ closedOn: isoDate, reason: text }),
  'draft-proposal': object({
    title: text,
    summary: text,
    decisionPoints: list(text),
    financing: text,
    terms: termsSchema,
    attachments: list(text),
    draftedOn: isoDate,
  }),
  'sign-proposal': object({ signedBy: personSchema, signedOn: isoDate }),
  'schedule-meeting': object({ body: bodySchema, meetingDate: isoDate }),
  'record-decision': object({
    outcome: oneOf('approved', 'rejected', 'returned', 'deferred', 'recommended'),
    paragraph: nullable(text),
    recommendedTo: nullable(bodySchema),
    motivation: nullable(text),
  }),
  'record-justering': object({ justeradOn: isoDate }),
  'record-posting': object({ postedOn: isoDate }),
  'record-final': none,
  'lodge-appeal': object({ lodgedOn: isoDate, court: text, caseReference: nullable(text) }),
  'record-appeal-outcome': object({ outcome: oneOf('upheld', 'quashed'), decidedOn: isoDate }),
  sign: object({ party: partyRoleSchema, signatory: personSchema, organisationNumber: text, signedOn: isoDate }),
  'record-payment': object({ amount: integer, paidOn: isoDate, covers: dateRangeSchema, reference: nullable(text) }),
  'record-meeting': object({
    forum: oneOf('operational', 'strategic'),
    heldOn: isoDate,
    convener: text,
    minutesRef: nullable(text),
  }),
  'submit-annual-report': object({ year: integer, volunteerHours: integer, fundsUsed: integer, submittedOn: isoDate }),
  'record-evaluation': object({ year: integer, evaluatedOn: isoDate, fundsUsedAsIntended: boolean, summary: text }),
  'claim-repayment': object({ amount: integer, claimedOn: isoDate, reason: text }),
  'submit-report-back': object({ submittedOn: isoDate, summary: text }),
  'amend-terms': object({ terms: termsSchema, reason: text, agreedOn: isoDate }),
  'start-renewal': object({ newCaseId: text, startedOn: isoDate }),
  /** Issued when the linked new case is signed (by the engine's process manager, or an officer). */
  'complete-renewal': object({ newCaseId: text, completedOn: isoDate }),
  'give-notice': object({ party: partyRoleSchema, receivedOn: isoDate, inWriting: boolean }),
  'record-termination': none,
  'record-expiry': none,
};

export type CommandType = keyof typeof commandPayloads;
export type CommandOf<K extends CommandType> = { type: K; now: Timestamp } & Infer<(typeof commandPayloads)[K]>;
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

export const COMMAND_TYPES = Object.keys(commandPayloads) as CommandType[];

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
