import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordMeetingCommand } from './record-meeting.command';

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler extends CaseCommandHandler<RecordMeetingCommand> {}
