import { CaseCommand } from '../shared/case-command';
import type { RecordPostingDto } from './record-posting.dto';

export class RecordPostingCommand extends CaseCommand<RecordPostingDto> {
  readonly type = 'record-posting';
}
