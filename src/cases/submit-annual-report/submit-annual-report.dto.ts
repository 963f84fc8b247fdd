import type { IsoDate, SubmitAnnualReportPayload } from '../../lifecycle';
import type { Ore } from '../../money';
import { DateField, IntegerField, KronorField } from '../shared/validation';

/** The organisation's yearly report of volunteer hours and use of funds. */
export class SubmitAnnualReportDto implements SubmitAnnualReportPayload {
  @IntegerField('The calendar year reported on.', 2023)
  year!: number;

  @IntegerField('Volunteer hours worked in the year.', 1_512)
  volunteerHours!: number;

  @KronorField('The funding used in the year.', '472200.00')
  fundsUsed!: Ore;

  @DateField('The day the report was received.', '2024-02-15')
  submittedOn!: IsoDate;
}
