import { CaseCommand } from '../shared/case-command';
import type { SubmitAnnualReportDto } from './submit-annual-report.dto';

export class SubmitAnnualReportCommand extends CaseCommand<SubmitAnnualReportDto> {
  readonly type = 'submit-annual-report';
}
