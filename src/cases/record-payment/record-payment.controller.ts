import { caseCommandController } from '../shared/case-command.controller';
import { RecordPaymentCommand } from './record-payment.command';
import { RecordPaymentDto } from './record-payment.dto';

export class RecordPaymentController extends caseCommandController('record-payment', RecordPaymentDto, RecordPaymentCommand, 'Record a payment to the organisation') {}
