import { CaseCommand } from '../shared/case-command';
import type { WithdrawDto } from './withdraw.dto';

export class WithdrawCommand extends CaseCommand<WithdrawDto> {
  readonly type = 'withdraw';
}
