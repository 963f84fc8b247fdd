import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, SubmitReportBackPayload } from '../../lifecycle';
import { IsCalendarDate, IsText } from '../shared/validation';

/** The report back to the board in the agreement's final year. */
export class SubmitReportBackDto implements SubmitReportBackPayload {
  @ApiProperty({ description: 'The day the report went to the board.', example: '2025-03-20', type: String, format: 'date' })
  @IsCalendarDate()
  submittedOn!: IsoDate;

  @ApiProperty({ description: 'The report.', example: 'Återrapport till social- och omsorgsnämnden om överenskommelsens sista år.' })
  @IsText()
  summary!: string;
}
