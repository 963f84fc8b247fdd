import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordPostingCommand } from './record-posting.command';

@CommandHandler(RecordPostingCommand)
export class RecordPostingHandler extends CaseCommandHandler<RecordPostingCommand> {}
