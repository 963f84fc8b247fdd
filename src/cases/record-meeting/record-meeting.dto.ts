import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FOLLOW_UP_FORUMS, type FollowUpForum, type IsoDate, type RecordMeetingPayload } from '../../lifecycle';
import { DateField, IsText } from '../shared/validation';

/** A follow-up meeting between the parties while the agreement runs. */
export class RecordMeetingDto implements RecordMeetingPayload {
  @ApiProperty({ enum: [...FOLLOW_UP_FORUMS], description: 'The operational or the strategic forum.', example: 'operational' })
  @IsIn(FOLLOW_UP_FORUMS)
  forum!: FollowUpForum;

  @DateField('The day of the meeting.', '2023-04-12')
  heldOn!: IsoDate;

  @ApiProperty({ description: 'Who convened the meeting and keeps the minutes.', example: 'Leanlink/Stödcentrum' })
  @IsText()
  convener!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where the minutes are.', example: 'Minnesanteckningar 2023-04-12' })
  @IsOptional()
  @IsText()
  minutesRef: string | null = null;
}
