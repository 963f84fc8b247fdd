import type { IsoDate, RecordPaymentPayload } from '../../lifecycle';
import { DateField, IntegerField, NestedField, OptionalTextField } from '../shared/validation';
import { DateRangeDto } from '../shared/values.dto';

export class RecordPaymentDto implements RecordPaymentPayload {
  @IntegerField('Whole kronor paid.', 472_200)
  amount!: number;

  @DateField('The day of payment.', '2023-01-20')
  paidOn!: IsoDate;

  @NestedField(() => DateRangeDto, 'The period the payment is for; refunds on termination are pro rata over it.')
  covers!: DateRangeDto;

  @OptionalTextField('An invoice or voucher number.', 'Faktura 2023-117')
  reference: string | null = null;
}
