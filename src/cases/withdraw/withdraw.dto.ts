import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, WithdrawPayload } from '../../lifecycle';
import { DateField, IsText } from '../shared/validation';

export class WithdrawDto implements WithdrawPayload {
  @DateField('The day the organisation withdrew its application.', '2023-06-20')
  withdrawnOn!: IsoDate;

  @ApiProperty({ description: "The organisation's reason.", example: 'Föreningen avstår från att ingå IOP i år.' })
  @IsText()
  reason!: string;
}
