import { caseCommandController } from '../shared/case-command.controller';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { ScheduleMeetingDto } from './schedule-meeting.dto';

export class ScheduleMeetingController extends caseCommandController('schedule-meeting', ScheduleMeetingDto, ScheduleMeetingCommand, 'Put the case on the agenda of a body\'s meeting') {}
