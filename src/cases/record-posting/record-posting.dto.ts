import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, RecordPostingPayload } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

/** The engine computes the end of the appeal window from the posting date. */
export class RecordPostingDto implements RecordPostingPayload {
  @ApiProperty({ description: 'The day the protocol was posted on the notice board (anslag).', example: '2023-09-11', type: String, format: 'date' })
  @IsCalendarDate()
  postedOn!: IsoDate;
}
