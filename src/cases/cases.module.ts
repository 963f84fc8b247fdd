import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AmendTermsController } from './amend-terms/amend-terms.controller';
import { AmendTermsHandler } from './amend-terms/amend-terms.handler';
import { AssignOfficerController } from './assign-officer/assign-officer.controller';
import { AssignOfficerHandler } from './assign-officer/assign-officer.handler';
import { ClaimRepaymentController } from './claim-repayment/claim-repayment.controller';
import { ClaimRepaymentHandler } from './claim-repayment/claim-repayment.handler';
import { CloseIneligibleController } from './close-ineligible/close-ineligible.controller';
import { CloseIneligibleHandler } from './close-ineligible/close-ineligible.handler';
import { CompleteRenewalController } from './complete-renewal/complete-renewal.controller';
import { CompleteRenewalHandler } from './complete-renewal/complete-renewal.handler';
import { DraftProposalController } from './draft-proposal/draft-proposal.controller';
import { DraftProposalHandler } from './draft-proposal/draft-proposal.handler';
import { GiveNoticeController } from './give-notice/give-notice.controller';
import { GiveNoticeHandler } from './give-notice/give-notice.handler';
import { LodgeAppealController } from './lodge-appeal/lodge-appeal.controller';
import { LodgeAppealHandler } from './lodge-appeal/lodge-appeal.handler';
import { RecordAppealOutcomeController } from './record-appeal-outcome/record-appeal-outcome.controller';
import { RecordAppealOutcomeHandler } from './record-appeal-outcome/record-appeal-outcome.handler';
import { RecordDecisionController } from './record-decision/record-decision.controller';
import { RecordDecisionHandler } from './record-decision/record-decision.handler';
import { RecordEvaluationController } from './record-evaluation/record-evaluation.controller';
import { RecordEvaluationHandler } from './record-evaluation/record-evaluation.handler';
import { RecordExpiryController } from './record-expiry/record-expiry.controller';
import { RecordExpiryHandler } from './record-expiry/record-expiry.handler';
import { RecordFinalController } from './record-final/record-final.controller';
import { RecordFinalHandler } from './record-final/record-final.handler';
import { RecordJusteringController } from './record-justering/record-justering.controller';
import { RecordJusteringHandler } from './record-justering/record-justering.handler';
import { RecordMeetingController } from './record-meeting/record-meeting.controller';
import { RecordMeetingHandler } from './record-meeting/record-meeting.handler';
import { RecordPaymentController } from './record-payment/record-payment.controller';
import { RecordPaymentHandler } from './record-payment/record-payment.handler';
import { RecordPostingController } from './record-posting/record-posting.controller';
import { RecordPostingHandler } from './record-posting/record-posting.handler';
import { RecordTerminationController } from './record-termination/record-termination.controller';
import { RecordTerminationHandler } from './record-termination/record-termination.handler';
import { RegisterController } from './register/register.controller';
import { RegisterHandler } from './register/register.handler';
import { ScheduleMeetingController } from './schedule-meeting/schedule-meeting.controller';
import { ScheduleMeetingHandler } from './schedule-meeting/schedule-meeting.handler';
import { SignController } from './sign/sign.controller';
import { SignHandler } from './sign/sign.handler';
import { SignProposalController } from './sign-proposal/sign-proposal.controller';
import { SignProposalHandler } from './sign-proposal/sign-proposal.handler';
import { StartRenewalController } from './start-renewal/start-renewal.controller';
import { StartRenewalHandler } from './start-renewal/start-renewal.handler';
import { SubmitAnnualReportController } from './submit-annual-report/submit-annual-report.controller';
import { SubmitAnnualReportHandler } from './submit-annual-report/submit-annual-report.handler';
import { SubmitApplicationController } from './submit-application/submit-application.controller';
import { SubmitApplicationHandler } from './submit-application/submit-application.handler';
import { SubmitReportBackController } from './submit-report-back/submit-report-back.controller';
import { SubmitReportBackHandler } from './submit-report-back/submit-report-back.handler';
import { WithdrawController } from './withdraw/withdraw.controller';
import { WithdrawHandler } from './withdraw/withdraw.handler';
import { DemoData } from '../demo/demo-data';
import { CaseSummariesProjection } from './list-cases/case-summaries.projection';
import { RenewalCompletionProcess } from './complete-renewal/renewal-completion.process';
import { GetCaseController } from './get-case/get-case.controller';
import { ListCasesController } from './list-cases/list-cases.controller';
import { ListCasesHandler } from './list-cases/list-cases.handler';
import { GetCaseHandler } from './get-case/get-case.handler';
import { Diarium } from './register/diarium';
import { CaseCommandService } from './shared/case-command.service';
import { CaseRepository } from './shared/case-repository';
import { MigrateMachineController } from './migrate-machine/migrate-machine.controller';
import { MigrateMachineHandler } from './migrate-machine/migrate-machine.handler';

/** The use cases on cases: one folder each (command, handler, controller, DTO side by side). */
@Module({
  imports: [CqrsModule],
  controllers: [
    ListCasesController,
    GetCaseController,
    AmendTermsController,
    AssignOfficerController,
    ClaimRepaymentController,
    CloseIneligibleController,
    CompleteRenewalController,
    DraftProposalController,
    GiveNoticeController,
    LodgeAppealController,
    RecordAppealOutcomeController,
    RecordDecisionController,
    RecordEvaluationController,
    RecordExpiryController,
    RecordFinalController,
    RecordJusteringController,
    RecordMeetingController,
    RecordPaymentController,
    RecordPostingController,
    RecordTerminationController,
    RegisterController,
    ScheduleMeetingController,
    SignController,
    SignProposalController,
    StartRenewalController,
    SubmitAnnualReportController,
    SubmitApplicationController,
    SubmitReportBackController,
    WithdrawController,
    MigrateMachineController,
  ],
  providers: [
    CaseRepository,
    CaseCommandService,
    Diarium,
    DemoData,
    GetCaseHandler,
    ListCasesHandler,
    CaseSummariesProjection,
    RenewalCompletionProcess,
    AmendTermsHandler,
    AssignOfficerHandler,
    ClaimRepaymentHandler,
    CloseIneligibleHandler,
    CompleteRenewalHandler,
    DraftProposalHandler,
    GiveNoticeHandler,
    LodgeAppealHandler,
    RecordAppealOutcomeHandler,
    RecordDecisionHandler,
    RecordEvaluationHandler,
    RecordExpiryHandler,
    RecordFinalHandler,
    RecordJusteringHandler,
    RecordMeetingHandler,
    RecordPaymentHandler,
    RecordPostingHandler,
    RecordTerminationHandler,
    RegisterHandler,
    ScheduleMeetingHandler,
    SignHandler,
    SignProposalHandler,
    StartRenewalHandler,
    SubmitAnnualReportHandler,
    SubmitApplicationHandler,
    SubmitReportBackHandler,
    WithdrawHandler,
    MigrateMachineHandler,
  ],
  exports: [CaseRepository],
})
export class CasesModule {}
