import type { IsoDate, StartRenewalPayload } from '../../lifecycle';
import { DateField } from '../shared/validation';

/** Opens a linked new case. `newCaseId` is not the caller's: the engine creates the new case. */
export class StartRenewalDto implements Omit<StartRenewalPayload, 'newCaseId'> {
  @DateField('The day renewal was started.', '2025-04-01')
  startedOn!: IsoDate;
}
