import type { IsoDate, SubmitReportBackPayload } from '../../lifecycle';
import { DateField, TextField } from '../shared/validation';

/** The report back to the board in the agreement's final year. */
export class SubmitReportBackDto implements SubmitReportBackPayload {
  @DateField('The day the report went to the board.', '2025-03-20')
  submittedOn!: IsoDate;

  @TextField('The report.', 'Återrapport till social- och omsorgsnämnden om överenskommelsens sista år.')
  summary!: string;
}
