import { CaseCommand } from '../shared/case-command';
import type { RecordEvaluationDto } from './record-evaluation.dto';

export class RecordEvaluationCommand extends CaseCommand<RecordEvaluationDto> {
  readonly type = 'record-evaluation';
}
