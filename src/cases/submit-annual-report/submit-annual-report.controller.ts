import { caseCommandController } from '../shared/case-command.controller';
import { SubmitAnnualReportCommand } from './submit-annual-report.command';
import { SubmitAnnualReportDto } from './submit-annual-report.dto';

export class SubmitAnnualReportController extends caseCommandController('submit-annual-report', SubmitAnnualReportDto, SubmitAnnualReportCommand, 'Submit the yearly report of volunteer hours and use of funds (the organisation)') {}
