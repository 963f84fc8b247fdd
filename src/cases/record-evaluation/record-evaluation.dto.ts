import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { IsoDate, RecordEvaluationPayload } from '../../lifecycle';
import { DateField, IntegerField, TextField } from '../shared/validation';

export class RecordEvaluationDto implements RecordEvaluationPayload {
  @IntegerField('The calendar year evaluated.', 2023)
  year!: number;

  @DateField('The day of the evaluation.', '2024-03-01')
  evaluatedOn!: IsoDate;

  @ApiProperty({ description: 'False when funds were misused; that opens a repayment claim.', example: true })
  @IsBoolean()
  fundsUsedAsIntended!: boolean;

  @TextField('The findings.', 'Verksamheten motsvarar överenskommelsen.')
  summary!: string;
}
