import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, ScheduleMeetingPayload } from '../../lifecycle';
import { DateField, IsNested } from '../shared/validation';
import { DecidingBodyDto } from '../shared/values.dto';

export class ScheduleMeetingDto implements ScheduleMeetingPayload {
  @ApiProperty({ type: () => DecidingBodyDto, description: 'The body whose meeting takes up the case.' })
  @IsNested(() => DecidingBodyDto)
  body!: DecidingBodyDto;

  @DateField('The day of the meeting.', '2023-09-05')
  meetingDate!: IsoDate;
}
