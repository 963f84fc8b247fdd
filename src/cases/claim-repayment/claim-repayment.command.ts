import { CaseCommand } from '../shared/case-command';
import type { ClaimRepaymentDto } from './claim-repayment.dto';

export class ClaimRepaymentCommand extends CaseCommand<ClaimRepaymentDto> {
  readonly type = 'claim-repayment';
}
