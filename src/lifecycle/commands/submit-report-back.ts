import { yearOf } from '../../calendar';
import { issuing, type CommandDefinition, type IssuingPayload } from './command';
import { agreementPeriod, notInFuture, rule, unless } from './rules';

export type SubmitReportBackPayload = IssuingPayload<'ReportBackSubmitted'>;

/** The officer's report back to the board, in the agreement's final year. */
export const submitReportBack: CommandDefinition<'ReportBackSubmitted', SubmitReportBackPayload> = {
  event: 'ReportBackSubmitted',
  roles: ['handlaggare'],
  rules: [
    rule('REPORT_BACK_BEFORE_FINAL_YEAR', (f, d) => {
      const finalYear = yearOf(agreementPeriod(f).end);
      return unless(
        yearOf(d.submittedOn) >= finalYear,
        `Återrapporten lämnas under överenskommelsens sista år (${finalYear}).`,
        `The report back belongs to the agreement's final year (${finalYear}).`,
      );
    }),
    notInFuture((d) => d.submittedOn),
  ],
  record: issuing,
};
