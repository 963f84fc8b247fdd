import { present } from '../case.facts';
import { refundOnTermination } from '../termination';
import type { CommandDefinition, NoPayload } from './command';
import { afterLastDayInForce, notBeforeDate, since, until } from './rules';

export type RecordTerminationPayload = NoPayload;

const TERMINATION = { sv: 'Upphörandet', en: 'The termination' };

/**
 * The agreement ends when notice takes effect: it is in force up to and including that day, and
 * its termination is recorded from the day after (machine v2; v1 took it on the day itself).
 * Unused funds are refunded pro rata (computed once, here).
 */
export const recordTermination: CommandDefinition<'AgreementTerminated', RecordTerminationPayload> = {
  event: 'AgreementTerminated',
  roles: ['handlaggare'],
  rules: [
    until(
      1,
      notBeforeDate('NOTICE_NOT_YET_EFFECTIVE', TERMINATION, (_, d) => d.terminatedOn),
    ),
    since(
      2,
      afterLastDayInForce(TERMINATION, (_, d) => d.terminatedOn),
    ),
  ],
  record: (_, facts) => {
    const terminatedOn = present(facts.notice).effectiveOn;
    return { terminatedOn, refund: refundOnTermination(facts.payments, terminatedOn).total.amount };
  },
};
