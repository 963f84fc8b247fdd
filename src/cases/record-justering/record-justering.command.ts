import { CaseCommand } from '../shared/case-command';
import type { RecordJusteringDto } from './record-justering.dto';

export class RecordJusteringCommand extends CaseCommand<RecordJusteringDto> {
  readonly type = 'record-justering';
}
