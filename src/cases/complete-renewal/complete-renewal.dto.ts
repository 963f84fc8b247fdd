import { ApiProperty } from '@nestjs/swagger';
import type { CompleteRenewalPayload, IsoDate } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

/** Ends this case as renewed. `newCaseId` is not the caller's: the engine knows the linked case. */
export class CompleteRenewalDto implements Omit<CompleteRenewalPayload, 'newCaseId'> {
  @ApiProperty({ description: 'The day the linked new case was signed.', example: '2025-12-15', type: String, format: 'date' })
  @IsCalendarDate()
  completedOn!: IsoDate;
}
