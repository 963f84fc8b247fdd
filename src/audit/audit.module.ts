import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { AnchorSchedule } from './anchor/anchor-schedule';
import { Anchors } from './anchor/anchors';
import { CaseHistoryController } from './case-history/case-history.controller';
import { CaseHistoryHandler } from './case-history/case-history.handler';
import { ExportController } from './export/export.controller';
import { CaseVerifier } from './verify/case-verifier';
import { RecordVerifier } from './verify/record-verifier';
import { VerifierThreads } from './verify/verifier-threads';
import { VerifyController } from './verify/verify.controller';

/** What auditors use: history, replay verification, the global anchor. Only anchoring writes, and only to its own tables. */
@Module({
  imports: [CqrsModule, CasesModule],
  controllers: [CaseHistoryController, VerifyController, ExportController],
  providers: [CaseHistoryHandler, CaseVerifier, RecordVerifier, { provide: VerifierThreads, useFactory: () => new VerifierThreads() }, Anchors, AnchorSchedule],
  exports: [Anchors],
})
export class AuditModule {}
