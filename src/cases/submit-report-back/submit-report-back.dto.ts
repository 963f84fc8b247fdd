import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, SubmitReportBackPayload } from '../../lifecycle';
import { DateField, IsText } from '../shared/validation';

/** The report back to the board in the agreement's final year. */
export class SubmitReportBackDto implements SubmitReportBackPayload {
  @DateField('The day the report went to the board.', '2025-03-20')
  submittedOn!: IsoDate;

  @ApiProperty({ description: 'The report.', example: 'Återrapport till social- och omsorgsnämnden om överenskommelsens sista år.' })
  @IsText()
  summary!: string;
}
