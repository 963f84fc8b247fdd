import type { IsoDate, ScheduleMeetingPayload } from '../../lifecycle';
import { DateField, NestedField } from '../shared/validation';
import { DecidingBodyDto } from '../shared/values.dto';

export class ScheduleMeetingDto implements ScheduleMeetingPayload {
  @NestedField(() => DecidingBodyDto, 'The body whose meeting takes up the case.')
  body!: DecidingBodyDto;

  @DateField('The day of the meeting.', '2023-09-05')
  meetingDate!: IsoDate;
}
