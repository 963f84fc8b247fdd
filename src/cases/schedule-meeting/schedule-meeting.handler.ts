import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { ScheduleMeetingCommand } from './schedule-meeting.command';

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler extends CaseCommandHandler<ScheduleMeetingCommand> {}
