import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FOLLOW_UP_FORUMS, type FollowUpForum, type IsoDate, type RecordMeetingPayload } from '../../lifecycle';
import { DateField, OptionalTextField, TextField } from '../shared/validation';

/** A follow-up meeting between the parties while the agreement runs. */
export class RecordMeetingDto implements RecordMeetingPayload {
  @ApiProperty({ enum: [...FOLLOW_UP_FORUMS], description: 'The operational or the strategic forum.', example: 'operational' })
  @IsIn(FOLLOW_UP_FORUMS)
  forum!: FollowUpForum;

  @DateField('The day of the meeting.', '2023-04-12')
  heldOn!: IsoDate;

  @TextField('Who convened the meeting and keeps the minutes.', 'Leanlink/Stödcentrum')
  convener!: string;

  @OptionalTextField('Where the minutes are.', 'Minnesanteckningar 2023-04-12')
  minutesRef: string | null = null;
}
