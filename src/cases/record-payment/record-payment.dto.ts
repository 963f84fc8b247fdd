import type { IsoDate, RecordPaymentPayload } from '../../lifecycle';
import type { Ore } from '../../money';
import { DateField, KronorField, NestedField, OptionalTextField } from '../shared/validation';
import { DateRangeDto } from '../shared/values.dto';

export class RecordPaymentDto implements RecordPaymentPayload {
  @KronorField('The amount paid.', '491560.20')
  amount!: Ore;

  @DateField('The day of payment.', '2023-01-20')
  paidOn!: IsoDate;

  @NestedField(
    () => DateRangeDto,
    'The period the payment is for: it is matched to the payment plan by the years it spans (by days), and refunds on termination are pro rata over it.',
  )
  covers!: DateRangeDto;

  @OptionalTextField('An invoice or voucher number.', 'Faktura 2023-117')
  reference: string | null = null;
}
