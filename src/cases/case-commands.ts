import type { Actor } from '../auth/actor';
import type { CommandType } from '../lifecycle';
import { AmendTermsCommand } from './amend-terms/amend-terms.command';
import { AssignOfficerCommand } from './assign-officer/assign-officer.command';
import { ClaimRepaymentCommand } from './claim-repayment/claim-repayment.command';
import { CloseIneligibleCommand } from './close-ineligible/close-ineligible.command';
import { CompleteRenewalCommand } from './complete-renewal/complete-renewal.command';
import { DraftProposalCommand } from './draft-proposal/draft-proposal.command';
import { GiveNoticeCommand } from './give-notice/give-notice.command';
import { LodgeAppealCommand } from './lodge-appeal/lodge-appeal.command';
import { RecordAppealOutcomeCommand } from './record-appeal-outcome/record-appeal-outcome.command';
import { RecordDecisionCommand } from './record-decision/record-decision.command';
import { RecordEvaluationCommand } from './record-evaluation/record-evaluation.command';
import { RecordExpiryCommand } from './record-expiry/record-expiry.command';
import { RecordFinalCommand } from './record-final/record-final.command';
import { RecordJusteringCommand } from './record-justering/record-justering.command';
import { RecordMeetingCommand } from './record-meeting/record-meeting.command';
import { RecordPaymentCommand } from './record-payment/record-payment.command';
import { RecordPostingCommand } from './record-posting/record-posting.command';
import { RecordTerminationCommand } from './record-termination/record-termination.command';
import { RegisterCommand } from './register/register.command';
import { ScheduleMeetingCommand } from './schedule-meeting/schedule-meeting.command';
import { SignCommand } from './sign/sign.command';
import { SignProposalCommand } from './sign-proposal/sign-proposal.command';
import { StartRenewalCommand } from './start-renewal/start-renewal.command';
import { SubmitAnnualReportCommand } from './submit-annual-report/submit-annual-report.command';
import { SubmitApplicationCommand } from './submit-application/submit-application.command';
import { SubmitReportBackCommand } from './submit-report-back/submit-report-back.command';
import { WithdrawCommand } from './withdraw/withdraw.command';
import type { CaseCommand, CommandRequest } from './shared/case-command';

export type CaseCommandClass = new (actor: Actor, caseId: string, payload: never, request?: CommandRequest) => CaseCommand;

/** Every command class by its type: for callers that are not HTTP (demo data, process managers). */
export const CASE_COMMANDS: Record<CommandType, CaseCommandClass> = {
  'amend-terms': AmendTermsCommand,
  'assign-officer': AssignOfficerCommand,
  'claim-repayment': ClaimRepaymentCommand,
  'close-ineligible': CloseIneligibleCommand,
  'complete-renewal': CompleteRenewalCommand,
  'draft-proposal': DraftProposalCommand,
  'give-notice': GiveNoticeCommand,
  'lodge-appeal': LodgeAppealCommand,
  'record-appeal-outcome': RecordAppealOutcomeCommand,
  'record-decision': RecordDecisionCommand,
  'record-evaluation': RecordEvaluationCommand,
  'record-expiry': RecordExpiryCommand,
  'record-final': RecordFinalCommand,
  'record-justering': RecordJusteringCommand,
  'record-meeting': RecordMeetingCommand,
  'record-payment': RecordPaymentCommand,
  'record-posting': RecordPostingCommand,
  'record-termination': RecordTerminationCommand,
  register: RegisterCommand,
  'schedule-meeting': ScheduleMeetingCommand,
  sign: SignCommand,
  'sign-proposal': SignProposalCommand,
  'start-renewal': StartRenewalCommand,
  'submit-annual-report': SubmitAnnualReportCommand,
  'submit-application': SubmitApplicationCommand,
  'submit-report-back': SubmitReportBackCommand,
  withdraw: WithdrawCommand,
};
