import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import type { ClaimRepaymentPayload, IsoDate } from '../../lifecycle';
import { IsCalendarDate, IsText } from '../shared/validation';

/** A claim to repay funds that were not used as agreed. */
export class ClaimRepaymentDto implements ClaimRepaymentPayload {
  @ApiProperty({ type: 'integer', description: 'Whole kronor to repay.', example: 25_000 })
  @IsInt()
  amount!: number;

  @ApiProperty({ description: 'The day of the claim.', example: '2024-03-15', type: String, format: 'date' })
  @IsCalendarDate()
  claimedOn!: IsoDate;

  @ApiProperty({ description: 'Why the funds are claimed back.', example: 'Medel har använts till verksamhet utanför överenskommelsen.' })
  @IsText()
  reason!: string;
}
