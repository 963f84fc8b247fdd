import { present } from '../case.facts';
import { refundOnTermination } from '../termination';
import type { CommandDefinition, NoPayload } from './command';
import { notBeforeDate } from './rules';

export type RecordTerminationPayload = NoPayload;

/** The agreement ends when notice takes effect; unused funds are refunded pro rata (computed once, here). */
export const recordTermination: CommandDefinition<'AgreementTerminated', RecordTerminationPayload> = {
  event: 'AgreementTerminated',
  roles: ['handlaggare'],
  rules: [notBeforeDate('NOTICE_NOT_YET_EFFECTIVE', { sv: 'Upphörandet', en: 'The termination' }, (_, d) => d.terminatedOn)],
  record: (_, facts) => {
    const terminatedOn = present(facts.notice).effectiveOn;
    return { terminatedOn, refund: refundOnTermination(facts.payments, terminatedOn).total };
  },
};
