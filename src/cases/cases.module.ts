import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseSummariesProjection } from './list-cases/case-summaries.projection';
import { RenewalCompletionProcess } from './complete-renewal/renewal-completion.process';
import { caseCommandControllers, COMMAND_EXTENSIONS } from './case-commands';
import { CaseCommandHandler } from './shared/case-command.handler';
import { SubmitApplicationController } from './submit-application/submit-application.controller';
import { GetCaseController } from './get-case/get-case.controller';
import { ListCasesController } from './list-cases/list-cases.controller';
import { ListCasesHandler } from './list-cases/list-cases.handler';
import { GetCaseHandler } from './get-case/get-case.handler';
import { Diarium } from './register/diarium';
import { CaseCommandService } from './shared/case-command.service';
import { CaseRepository } from './shared/case-repository';
import { CaseSnapshots } from './shared/case-snapshots';
import { IndexValuesSource } from './shared/index-values-source';
import { PostgresCaseSnapshots } from './shared/postgres-case-snapshots';
import { MigrateMachineController } from './migrate-machine/migrate-machine.controller';
import { MigrateMachineHandler } from './migrate-machine/migrate-machine.handler';
import { MigrationPreviewController } from './migrate-machine/migration-preview.controller';

/** The case API: queries, and every command through one handler driven by the command table (case-commands.ts). */
@Module({
  imports: [CqrsModule],
  controllers: [
    ListCasesController,
    GetCaseController,
    ...caseCommandControllers(SubmitApplicationController),
    MigrateMachineController,
    MigrationPreviewController,
  ],
  providers: [
    CaseRepository,
    { provide: CaseSnapshots, useClass: PostgresCaseSnapshots },
    IndexValuesSource,
    CaseCommandService,
    CaseCommandHandler,
    ...COMMAND_EXTENSIONS,
    Diarium,
    GetCaseHandler,
    ListCasesHandler,
    CaseSummariesProjection,
    RenewalCompletionProcess,
    MigrateMachineHandler,
  ],
  exports: [CaseRepository, CaseSnapshots, IndexValuesSource],
})
export class CasesModule {}
