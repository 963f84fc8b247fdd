import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from '../cases/cases.module';
import { CaseHistoryController } from './case-history/case-history.controller';
import { CaseHistoryHandler } from './case-history/case-history.handler';
import { CaseVerifier } from './verify/case-verifier';
import { VerifyController } from './verify/verify.controller';

/** What auditors use: history and replay verification. Everything here reads; nothing writes. */
@Module({
  imports: [CqrsModule, CasesModule],
  controllers: [CaseHistoryController, VerifyController],
  providers: [CaseHistoryHandler, CaseVerifier],
})
export class AuditModule {}
