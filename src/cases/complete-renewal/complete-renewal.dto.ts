import type { CompleteRenewalPayload, IsoDate } from '../../lifecycle';
import { DateField } from '../shared/validation';

/** Ends this case as renewed. `newCaseId` is not the caller's: the engine knows the linked case. */
export class CompleteRenewalDto implements Omit<CompleteRenewalPayload, 'newCaseId'> {
  @DateField('The day the linked new case was signed.', '2025-12-15')
  completedOn!: IsoDate;
}
