import { CaseCommand } from '../shared/case-command';
import type { RecordMeetingDto } from './record-meeting.dto';

export class RecordMeetingCommand extends CaseCommand<RecordMeetingDto> {
  readonly type = 'record-meeting';
}
