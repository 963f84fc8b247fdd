import type { CaseEventType } from './case.events';

/**
 * The schema version of each event type's payload as this build writes it. Recorded events keep the
 * version they were written with (metadata.schemaVersion); reading an older one goes through the
 * upcasters (upcasters.ts). Changing a payload's shape = bump its version here + add an upcaster.
 */
export const EVENT_SCHEMA_VERSIONS: { readonly [T in CaseEventType | 'MachineVersionChanged']: number } = {
  ApplicationSubmitted: 2,
  CaseRegistered: 2,
  OfficerAssigned: 1,
  ApplicationWithdrawn: 2,
  ClosedAsIneligible: 1,
  ProposalDrafted: 2,
  ProposalSigned: 2,
  MeetingScheduled: 1,
  DecisionRecorded: 1,
  JusteringRecorded: 1,
  PostingRecorded: 2,
  DecisionBecameFinal: 1,
  AppealLodged: 2,
  AppealOutcomeRecorded: 1,
  AgreementSigned: 3,
  PaymentRecorded: 2,
  FollowUpMeetingRecorded: 1,
  AnnualReportSubmitted: 2,
  EvaluationRecorded: 1,
  RepaymentClaimed: 2,
  ReportBackSubmitted: 2,
  TermsAmended: 2,
  RenewalStarted: 1,
  RenewalCompleted: 1,
  NoticeGiven: 2,
  AgreementTerminated: 2,
  AgreementExpired: 1,
  MachineVersionChanged: 1,
};

/** The version this build writes for a type; 1 for a type it does not know (the machine refuses those anyway). */
export function currentSchemaVersion(type: string): number {
  return (EVENT_SCHEMA_VERSIONS as Record<string, number>)[type] ?? 1;
}
