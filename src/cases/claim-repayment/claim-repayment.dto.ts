import { ApiProperty } from '@nestjs/swagger';
import type { ClaimRepaymentPayload, IsoDate } from '../../lifecycle';
import { DateField, IntegerField, IsText } from '../shared/validation';

/** A claim to repay funds that were not used as agreed. */
export class ClaimRepaymentDto implements ClaimRepaymentPayload {
  @IntegerField('Whole kronor to repay.', 25_000)
  amount!: number;

  @DateField('The day of the claim.', '2024-03-15')
  claimedOn!: IsoDate;

  @ApiProperty({ description: 'Why the funds are claimed back.', example: 'Medel har använts till verksamhet utanför överenskommelsen.' })
  @IsText()
  reason!: string;
}
