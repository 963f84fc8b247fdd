import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { SubmitAnnualReportCommand } from './submit-annual-report.command';

@CommandHandler(SubmitAnnualReportCommand)
export class SubmitAnnualReportHandler extends CaseCommandHandler<SubmitAnnualReportCommand> {}
