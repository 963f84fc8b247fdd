import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordPaymentCommand } from './record-payment.command';

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler extends CaseCommandHandler<RecordPaymentCommand> {}
