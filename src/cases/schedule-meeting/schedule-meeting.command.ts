import { CaseCommand } from '../shared/case-command';
import type { ScheduleMeetingDto } from './schedule-meeting.dto';

export class ScheduleMeetingCommand extends CaseCommand<ScheduleMeetingDto> {
  readonly type = 'schedule-meeting';
}
