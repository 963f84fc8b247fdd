import type { IsoDate, SubmitAnnualReportPayload } from '../../lifecycle';
import { DateField, IntegerField } from '../shared/validation';

/** The organisation's yearly report of volunteer hours and use of funds. */
export class SubmitAnnualReportDto implements SubmitAnnualReportPayload {
  @IntegerField('The calendar year reported on.', 2023)
  year!: number;

  @IntegerField('Volunteer hours worked in the year.', 1_512)
  volunteerHours!: number;

  @IntegerField('Whole kronor of the funding used in the year.', 472_200)
  fundsUsed!: number;

  @DateField('The day the report was received.', '2024-02-15')
  submittedOn!: IsoDate;
}
