import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, StartRenewalPayload } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

/** Opens a linked new case. `newCaseId` is not the caller's: the engine creates the new case. */
export class StartRenewalDto implements Omit<StartRenewalPayload, 'newCaseId'> {
  @ApiProperty({ description: 'The day renewal was started.', example: '2025-04-01', type: String, format: 'date' })
  @IsCalendarDate()
  startedOn!: IsoDate;
}
