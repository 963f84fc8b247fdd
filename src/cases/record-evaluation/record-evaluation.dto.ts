import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt } from 'class-validator';
import type { IsoDate, RecordEvaluationPayload } from '../../lifecycle';
import { IsCalendarDate, IsText } from '../shared/validation';

export class RecordEvaluationDto implements RecordEvaluationPayload {
  @ApiProperty({ type: 'integer', description: 'The calendar year evaluated.', example: 2023 })
  @IsInt()
  year!: number;

  @ApiProperty({ description: 'The day of the evaluation.', example: '2024-03-01', type: String, format: 'date' })
  @IsCalendarDate()
  evaluatedOn!: IsoDate;

  @ApiProperty({ description: 'False when funds were misused; that opens a repayment claim.', example: true })
  @IsBoolean()
  fundsUsedAsIntended!: boolean;

  @ApiProperty({ description: 'The findings.', example: 'Verksamheten motsvarar överenskommelsen.' })
  @IsText()
  summary!: string;
}
