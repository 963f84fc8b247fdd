import { CaseCommand } from '../shared/case-command';
import type { RecordPaymentDto } from './record-payment.dto';

export class RecordPaymentCommand extends CaseCommand<RecordPaymentDto> {
  readonly type = 'record-payment';
}
