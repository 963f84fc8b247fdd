import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordTerminationCommand } from './record-termination.command';

@CommandHandler(RecordTerminationCommand)
export class RecordTerminationHandler extends CaseCommandHandler<RecordTerminationCommand> {}
