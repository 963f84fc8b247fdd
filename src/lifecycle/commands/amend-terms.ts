import type { CommandDefinition, Recorded } from './command';
import { agreementPeriod, notInFuture, rule, termsValid, unless } from './rules';

export type AmendTermsPayload = Recorded<'TermsAmended'>;

/**
 * Amending the terms of a running agreement from a day (`effectiveFrom`): the payment plan follows
 * the earlier terms before it. The period itself changes only by renewal.
 */
export const amendTerms: CommandDefinition<'TermsAmended', AmendTermsPayload> = {
  event: 'TermsAmended',
  roles: ['handlaggare'],
  rules: [
    ...termsValid<'TermsAmended'>((d) => d.terms),
    rule('PERIOD_CHANGE_NEEDS_RENEWAL', (f, d) => {
      const period = agreementPeriod(f);
      return unless(
        d.terms.period.start === period.start && d.terms.period.end === period.end,
        'Perioden ändras inte genom en ändring av villkoren: starta en förnyelse.',
        'The period is not changed by amending the terms: start a renewal.',
      );
    }),
    rule('EFFECTIVE_OUTSIDE_PERIOD', (f, d) => {
      const period = agreementPeriod(f);
      return unless(
        d.effectiveFrom >= period.start && d.effectiveFrom <= period.end,
        `De ändrade villkoren kan inte gälla från ${d.effectiveFrom}, utanför överenskommelsens period (${period.start}–${period.end}).`,
        `The amended terms cannot apply from ${d.effectiveFrom}, outside the agreement period (${period.start} to ${period.end}).`,
      );
    }),
    notInFuture((d) => d.agreedOn),
  ],
};
