import type { ClaimRepaymentPayload, IsoDate } from '../../lifecycle';
import type { Ore } from '../../money';
import { DateField, KronorField, TextField } from '../shared/validation';

/** A claim to repay funds that were not used as agreed. */
export class ClaimRepaymentDto implements ClaimRepaymentPayload {
  @KronorField('The amount to repay.', '25000.00')
  amount!: Ore;

  @DateField('The day of the claim.', '2024-03-15')
  claimedOn!: IsoDate;

  @TextField('Why the funds are claimed back.', 'Medel har använts till verksamhet utanför överenskommelsen.')
  reason!: string;
}
