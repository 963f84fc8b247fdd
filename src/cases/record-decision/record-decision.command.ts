import { CaseCommand } from '../shared/case-command';
import type { RecordDecisionDto } from './record-decision.dto';

export class RecordDecisionCommand extends CaseCommand<RecordDecisionDto> {
  readonly type = 'record-decision';
}
