import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, ScheduleMeetingPayload } from '../../lifecycle';
import { IsCalendarDate, IsNested } from '../shared/validation';
import { DecidingBodyDto } from '../shared/values.dto';

export class ScheduleMeetingDto implements ScheduleMeetingPayload {
  @ApiProperty({ type: () => DecidingBodyDto, description: 'The body whose meeting takes up the case.' })
  @IsNested(() => DecidingBodyDto)
  body!: DecidingBodyDto;

  @ApiProperty({ description: 'The day of the meeting.', example: '2023-09-05', type: String, format: 'date' })
  @IsCalendarDate()
  meetingDate!: IsoDate;
}
