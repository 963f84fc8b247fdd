import { CaseCommand } from '../shared/case-command';
import type { RecordFinalDto } from './record-final.dto';

export class RecordFinalCommand extends CaseCommand<RecordFinalDto> {
  readonly type = 'record-final';
}
