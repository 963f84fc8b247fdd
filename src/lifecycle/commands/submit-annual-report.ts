import type { CommandDefinition, Recorded } from './command';
import { amountsNotNegative, notInFuture, yearWithinPeriod } from './rules';

export type SubmitAnnualReportPayload = Recorded<'AnnualReportSubmitted'>;

/** The organisation's report on a year of the agreement. */
export const submitAnnualReport: CommandDefinition<'AnnualReportSubmitted', SubmitAnnualReportPayload> = {
  event: 'AnnualReportSubmitted',
  roles: ['organisation'],
  rules: [
    amountsNotNegative((d) => [
      [d.fundsUsed, 'fundsUsed'],
      [d.volunteerHours, 'volunteerHours'],
    ]),
    yearWithinPeriod((d) => d.year),
    notInFuture((d) => d.submittedOn),
  ],
};
