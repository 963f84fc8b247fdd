import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordFinalCommand } from './record-final.command';

@CommandHandler(RecordFinalCommand)
export class RecordFinalHandler extends CaseCommandHandler<RecordFinalCommand> {}
