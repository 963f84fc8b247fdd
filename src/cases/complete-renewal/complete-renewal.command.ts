import { CaseCommand } from '../shared/case-command';
import type { CompleteRenewalDto } from './complete-renewal.dto';

export class CompleteRenewalCommand extends CaseCommand<CompleteRenewalDto> {
  readonly type = 'complete-renewal';
}
