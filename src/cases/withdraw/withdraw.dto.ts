import type { IsoDate, WithdrawPayload } from '../../lifecycle';
import { DateField, TextField } from '../shared/validation';
import { ReceiptDto, ReceiptField } from '../shared/values.dto';

export class WithdrawDto implements WithdrawPayload {
  @DateField('The day the organisation withdrew its application.', '2023-06-20')
  withdrawnOn!: IsoDate;

  @TextField("The organisation's reason.", 'Föreningen avstår från att ingå IOP i år.')
  reason!: string;

  @ReceiptField("the organisation's withdrawal")
  receipt: ReceiptDto | null = null;
}
