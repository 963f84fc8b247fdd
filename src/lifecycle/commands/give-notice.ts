import { present } from '../case.facts';
import { noticeEffectiveDate } from '../termination';
import type { CommandDefinition, Recorded } from './command';
import { actingFor, receiptOf, RECEIVING_ROLES, type ReceiptPayload } from './receipt';
import { agreementPeriod, notInFuture, rule, unless } from './rules';

/**
 * When notice takes effect follows from the terms. `receipt`: the organisation's notice came on
 * paper or by e-mail and an official records it; its date is the notice's `receivedOn`.
 */
export type GiveNoticePayload = Omit<Recorded<'NoticeGiven'>, 'effectiveOn' | 'receipt'> & { receipt?: ReceiptPayload | null };

/** Either party gives notice, in writing; it takes effect after the agreed months and must fall within the period. */
export const giveNotice: CommandDefinition<'NoticeGiven', GiveNoticePayload> = {
  event: 'NoticeGiven',
  roles: ['organisation', 'signatory', ...RECEIVING_ROLES],
  mayIssue: (_, roles, { party, receipt }) => actingFor(party, roles, receipt),
  rules: [
    rule('NOTICE_NOT_IN_WRITING', (_, d) => unless(d.inWriting, 'Uppsägning ska ske skriftligen.', 'Notice must be given in writing.')),
    rule('NOTICE_TAKES_EFFECT_AFTER_END', (f, d) => {
      const end = agreementPeriod(f).end;
      return unless(
        d.effectiveOn <= end,
        `Uppsägningen skulle gälla från ${d.effectiveOn}, efter att perioden slutar (${end}).`,
        `The notice would take effect on ${d.effectiveOn}, after the period ends (${end}).`,
      );
    }),
    notInFuture((d) => d.receivedOn),
    // Notice runs from the day it is received: a receipt of another day would move it.
    rule('RECEIPT_DATE_MISMATCH', (_, d) =>
      unless(
        d.receipt === null || d.receipt.receivedOn === d.receivedOn,
        `Uppsägningen räknas från den dag den kom in (${d.receivedOn}); mottagningsdatumet ${d.receipt?.receivedOn} måste vara samma dag.`,
        `Notice runs from the day it was received (${d.receivedOn}); the receipt's date ${d.receipt?.receivedOn} must be that day.`,
      ),
    ),
  ],
  record: ({ receipt, ...notice }, facts) => ({
    ...notice,
    effectiveOn: noticeEffectiveDate(notice.receivedOn, present(facts.terms).noticeMonths),
    receipt: receiptOf(receipt),
  }),
};
