import { CaseCommand } from '../shared/case-command';
import type { SubmitReportBackDto } from './submit-report-back.dto';

export class SubmitReportBackCommand extends CaseCommand<SubmitReportBackDto> {
  readonly type = 'submit-report-back';
}
