import { CaseCommand } from '../shared/case-command';
import type { RecordAppealOutcomeDto } from './record-appeal-outcome.dto';

export class RecordAppealOutcomeCommand extends CaseCommand<RecordAppealOutcomeDto> {
  readonly type = 'record-appeal-outcome';
}
