import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, WithdrawPayload } from '../../lifecycle';
import { IsCalendarDate, IsText } from '../shared/validation';

export class WithdrawDto implements WithdrawPayload {
  @ApiProperty({ description: 'The day the organisation withdrew its application.', example: '2023-06-20', type: String, format: 'date' })
  @IsCalendarDate()
  withdrawnOn!: IsoDate;

  @ApiProperty({ description: "The organisation's reason.", example: 'Föreningen avstår från att ingå IOP i år.' })
  @IsText()
  reason!: string;
}
