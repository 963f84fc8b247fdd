import { caseCommandController } from '../shared/case-command.controller';
import { RecordMeetingCommand } from './record-meeting.command';
import { RecordMeetingDto } from './record-meeting.dto';

export class RecordMeetingController extends caseCommandController('record-meeting', RecordMeetingDto, RecordMeetingCommand, 'Record an operational or strategic follow-up meeting') {}
