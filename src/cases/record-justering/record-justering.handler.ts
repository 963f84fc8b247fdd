import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordJusteringCommand } from './record-justering.command';

@CommandHandler(RecordJusteringCommand)
export class RecordJusteringHandler extends CaseCommandHandler<RecordJusteringCommand> {}
