import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { SubmitReportBackCommand } from './submit-report-back.command';

@CommandHandler(SubmitReportBackCommand)
export class SubmitReportBackHandler extends CaseCommandHandler<SubmitReportBackCommand> {}
