import { CaseCommand } from '../shared/case-command';
import type { LodgeAppealDto } from './lodge-appeal.dto';

export class LodgeAppealCommand extends CaseCommand<LodgeAppealDto> {
  readonly type = 'lodge-appeal';
}
