import type { CommandDefinition, Recorded } from './command';
import { agreementPeriod, notInFuture, rule, termsValid, unless } from './rules';

export type AmendTermsPayload = Recorded<'TermsAmended'>;

/** Amending the terms of a running agreement; the period itself changes only by renewal. */
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
    notInFuture((d) => d.agreedOn),
  ],
};
