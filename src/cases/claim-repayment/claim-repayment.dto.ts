import type { ClaimRepaymentPayload, IsoDate } from '../../lifecycle';
import { DateField, IntegerField, TextField } from '../shared/validation';

/** A claim to repay funds that were not used as agreed. */
export class ClaimRepaymentDto implements ClaimRepaymentPayload {
  @IntegerField('Whole kronor to repay.', 25_000)
  amount!: number;

  @DateField('The day of the claim.', '2024-03-15')
  claimedOn!: IsoDate;

  @TextField('Why the funds are claimed back.', 'Medel har använts till verksamhet utanför överenskommelsen.')
  reason!: string;
}
