import { present } from '../case.facts';
import { noticeEffectiveDate } from '../termination';
import { actingForParty, type CommandDefinition, type Recorded } from './command';
import { agreementPeriod, notInFuture, rule, unless } from './rules';

/** When notice takes effect follows from the terms. */
export type GiveNoticePayload = Omit<Recorded<'NoticeGiven'>, 'effectiveOn'>;

/** Either party gives notice, in writing; it takes effect after the agreed months and must fall within the period. */
export const giveNotice: CommandDefinition<'NoticeGiven', GiveNoticePayload> = {
  event: 'NoticeGiven',
  roles: ['organisation', 'signatory'],
  mayIssue: actingForParty,
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
  ],
  record: (payload, facts) => ({ ...payload, effectiveOn: noticeEffectiveDate(payload.receivedOn, present(facts.terms).noticeMonths) }),
};
