import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordExpiryCommand } from './record-expiry.command';

@CommandHandler(RecordExpiryCommand)
export class RecordExpiryHandler extends CaseCommandHandler<RecordExpiryCommand> {}
