import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { APPEAL_OUTCOMES, type AppealOutcome, type IsoDate, type RecordAppealOutcomePayload } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

export class RecordAppealOutcomeDto implements RecordAppealOutcomePayload {
  @ApiProperty({ enum: [...APPEAL_OUTCOMES], description: 'Upheld (the appeal failed) or quashed (upphävt).', example: 'upheld' })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;

  @ApiProperty({ description: "The day of the court's judgment.", example: '2023-12-14', type: String, format: 'date' })
  @IsCalendarDate()
  decidedOn!: IsoDate;
}
