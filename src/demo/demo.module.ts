import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DemoData } from './demo-data';

/** The demo cases a new user can click through, written on first start through the commands officials give. */
@Module({
  imports: [CqrsModule, AuditModule, DeadlinesModule],
  providers: [DemoData],
})
export class DemoModule {}
