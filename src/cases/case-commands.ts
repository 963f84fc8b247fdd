import type { Type } from '@nestjs/common';
import { COMMAND_TYPES, type CommandType } from '../lifecycle';
import { AmendTermsDto } from './amend-terms/amend-terms.dto';
import { AssignOfficerDto } from './assign-officer/assign-officer.dto';
import { ClaimRepaymentDto } from './claim-repayment/claim-repayment.dto';
import { CloseIneligibleDto } from './close-ineligible/close-ineligible.dto';
import { CompleteRenewalExtension } from './complete-renewal/complete-renewal';
import { CompleteRenewalDto } from './complete-renewal/complete-renewal.dto';
import { DraftProposalDto } from './draft-proposal/draft-proposal.dto';
import { GiveNoticeDto } from './give-notice/give-notice.dto';
import { LodgeAppealDto } from './lodge-appeal/lodge-appeal.dto';
import { RecordAppealOutcomeDto } from './record-appeal-outcome/record-appeal-outcome.dto';
import { RecordDecisionExtension } from './record-decision/record-decision';
import { RecordDecisionDto } from './record-decision/record-decision.dto';
import { RecordEvaluationDto } from './record-evaluation/record-evaluation.dto';
import { RecordExpiryDto } from './record-expiry/record-expiry.dto';
import { RecordFinalDto } from './record-final/record-final.dto';
import { RecordJusteringDto } from './record-justering/record-justering.dto';
import { RecordMeetingDto } from './record-meeting/record-meeting.dto';
import { RecordPaymentDto } from './record-payment/record-payment.dto';
import { RecordPostingDto } from './record-posting/record-posting.dto';
import { RecordTerminationDto } from './record-termination/record-termination.dto';
import { RegisterExtension } from './register/register';
import { RegisterDto } from './register/register.dto';
import { ScheduleMeetingExtension } from './schedule-meeting/schedule-meeting';
import { ScheduleMeetingDto } from './schedule-meeting/schedule-meeting.dto';
import type { CommandRow } from './shared/case-command';
import { caseCommandController } from './shared/case-command.controller';
import { SignDto } from './sign/sign.dto';
import { SignProposalDto } from './sign-proposal/sign-proposal.dto';
import { StartRenewalExtension } from './start-renewal/start-renewal';
import { StartRenewalDto } from './start-renewal/start-renewal.dto';
import { SubmitAnnualReportDto } from './submit-annual-report/submit-annual-report.dto';
import { SubmitApplicationExtension } from './submit-application/submit-application';
import { SubmitApplicationDto } from './submit-application/submit-application.dto';
import { SubmitReportBackDto } from './submit-report-back/submit-report-back.dto';
import { WithdrawDto } from './withdraw/withdraw.dto';

/**
 * The case commands of the API, one row each: the DTO its body must match, the summary in the
 * OpenAPI document, and the named code of a command that does more than record its body. Who may
 * give it, its rules and its event are its lifecycle file's (src/lifecycle/commands/<type>.ts).
 * Adding a command: that file, its DTO, a row here.
 */
export const CASE_COMMANDS: { [K in CommandType]: CommandRow<K> } = {
  'submit-application': { dto: SubmitApplicationDto, summary: "Submit an organisation's application: opens a new case", extension: SubmitApplicationExtension },
  register: {
    dto: RegisterDto,
    summary: "Register the case in the diarium: the engine gives the next diarienummer of the body's series",
    extension: RegisterExtension,
  },
  'assign-officer': { dto: AssignOfficerDto, summary: 'Assign (or reassign) the case officer (handläggare)' },
  withdraw: { dto: WithdrawDto, summary: 'Withdraw the application (the organisation)' },
  'close-ineligible': { dto: CloseIneligibleDto, summary: 'Close the case as not eligible for IOP (e.g. really a purchase under LOU)' },
  'draft-proposal': { dto: DraftProposalDto, summary: "Draft or revise the administration's proposal (tjänsteutlåtande)" },
  'sign-proposal': { dto: SignProposalDto, summary: 'Sign the proposal as director (förvaltningschef)' },
  'schedule-meeting': {
    dto: ScheduleMeetingDto,
    summary: "Put the case on the agenda of a body's meeting; the body is the tenant's, by its code",
    extension: ScheduleMeetingExtension,
  },
  'record-decision': {
    dto: RecordDecisionDto,
    summary: "Record the body's decision: approved, rejected, returned (återremiss), deferred or recommended to a higher body (by its code)",
    extension: RecordDecisionExtension,
  },
  'record-justering': { dto: RecordJusteringDto, summary: "Record that the meeting's protocol was checked and signed (justering)" },
  'record-posting': { dto: RecordPostingDto, summary: 'Record that the protocol was posted on the notice board (anslag); the appeal window starts' },
  'record-final': { dto: RecordFinalDto, summary: 'Record that the decision has gained legal force (laga kraft); refused before the appeal window has closed' },
  'lodge-appeal': { dto: LodgeAppealDto, summary: 'Record an appeal against the decision (laglighetsprövning)' },
  'record-appeal-outcome': { dto: RecordAppealOutcomeDto, summary: "Record the court's outcome of the appeal: upheld or quashed" },
  sign: { dto: SignDto, summary: 'Sign the agreement for one party (municipality or organisation), in either order' },
  'record-payment': { dto: RecordPaymentDto, summary: 'Record a payment to the organisation' },
  'record-meeting': { dto: RecordMeetingDto, summary: 'Record an operational or strategic follow-up meeting' },
  'submit-annual-report': { dto: SubmitAnnualReportDto, summary: 'Submit the yearly report of volunteer hours and use of funds (the organisation)' },
  'record-evaluation': { dto: RecordEvaluationDto, summary: 'Record the yearly evaluation' },
  'claim-repayment': { dto: ClaimRepaymentDto, summary: 'Claim repayment of misused funds' },
  'submit-report-back': { dto: SubmitReportBackDto, summary: 'Record the report back to the board (återrapportering)' },
  'amend-terms': { dto: AmendTermsDto, summary: "Amend the agreement's terms after a dialogue" },
  'start-renewal': { dto: StartRenewalDto, summary: 'Start a renewal: opens a linked new case', extension: StartRenewalExtension },
  'complete-renewal': {
    dto: CompleteRenewalDto,
    summary: 'Record that the linked renewal case was signed; this case ends as renewed',
    extension: CompleteRenewalExtension,
  },
  'give-notice': { dto: GiveNoticeDto, summary: 'Record written notice of termination by either party' },
  'record-termination': { dto: RecordTerminationDto, summary: 'Record the termination at the end of the notice period; refused before that date' },
  'record-expiry': { dto: RecordExpiryDto, summary: 'Record that the agreement period has ended; refused before the end date' },
};

/** Named code of the commands that have it, for the module's providers. */
export const COMMAND_EXTENSIONS = COMMAND_TYPES.flatMap((type) => CASE_COMMANDS[type].extension ?? []) as Type<object>[];

/**
 * One controller per command, in the order of their types' names (the OpenAPI document's order);
 * submit-application opens a case and has a controller of its own (POST /cases), given here.
 */
export function caseCommandControllers(submitApplication: Type<object>): Type<object>[] {
  return [...COMMAND_TYPES].sort().map((type) => (type === 'submit-application' ? submitApplication : caseCommandController(type, CASE_COMMANDS[type])));
}
