import type { CommandDefinition, Recorded } from './command';
import { agreementPeriod, amountsNotNegative, notInFuture, periodInOrder, rule, unless } from './rules';

export type RecordPaymentPayload = Recorded<'PaymentRecorded'>;

/** A payment to the organisation, for a part of the agreement period. */
export const recordPayment: CommandDefinition<'PaymentRecorded', RecordPaymentPayload> = {
  event: 'PaymentRecorded',
  roles: ['handlaggare'],
  rules: [
    amountsNotNegative((d) => [[d.amount, 'amount']]),
    periodInOrder((d) => d.covers),
    rule('PAYMENT_OUTSIDE_PERIOD', (f, d) => {
      const period = agreementPeriod(f);
      return unless(
        d.covers.start >= period.start && d.covers.end <= period.end,
        `Utbetalningen avser ${d.covers.start}–${d.covers.end}, utanför överenskommelsens period.`,
        `The payment covers ${d.covers.start} to ${d.covers.end}, outside the agreement period.`,
      );
    }),
    notInFuture((d) => d.paidOn),
  ],
};
