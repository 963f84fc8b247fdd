import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { APPEAL_OUTCOMES, type AppealOutcome, type IsoDate, type RecordAppealOutcomePayload } from '../../lifecycle';
import { DateField } from '../shared/validation';

export class RecordAppealOutcomeDto implements RecordAppealOutcomePayload {
  @ApiProperty({ enum: [...APPEAL_OUTCOMES], description: 'Upheld (the appeal failed) or quashed (upphävt).', example: 'upheld' })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;

  @DateField("The day of the court's judgment.", '2023-12-14')
  decidedOn!: IsoDate;
}
