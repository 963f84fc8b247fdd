import { CaseCommand } from '../shared/case-command';
import type { StartRenewalDto } from './start-renewal.dto';

export class StartRenewalCommand extends CaseCommand<StartRenewalDto> {
  readonly type = 'start-renewal';
}
