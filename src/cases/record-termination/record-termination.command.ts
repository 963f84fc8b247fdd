import { CaseCommand } from '../shared/case-command';
import type { RecordTerminationDto } from './record-termination.dto';

export class RecordTerminationCommand extends CaseCommand<RecordTerminationDto> {
  readonly type = 'record-termination';
}
