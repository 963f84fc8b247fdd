import { caseCommandController } from '../shared/case-command.controller';
import { SubmitReportBackCommand } from './submit-report-back.command';
import { SubmitReportBackDto } from './submit-report-back.dto';

export class SubmitReportBackController extends caseCommandController('submit-report-back', SubmitReportBackDto, SubmitReportBackCommand, 'Record the report back to the board (återrapportering)') {}
