import { add, formatEnglish, formatSwedish, type Ore } from '../../money';
import type { CaseFacts } from '../case.facts';
import type { CommandDefinition, Recorded } from './command';
import { amountsNotNegative, notInFuture, rule, unless } from './rules';

export type ClaimRepaymentPayload = Recorded<'RepaymentClaimed'>;

const totalPaid = (facts: CaseFacts): Ore => add(...facts.payments.map((p) => p.amount));
const totalClaimed = (facts: CaseFacts): Ore => add(...facts.repaymentClaims.map((c) => c.amount));

/** Claiming funds back, after an evaluation found them not used as intended; never more than was paid. */
export const claimRepayment: CommandDefinition<'RepaymentClaimed', ClaimRepaymentPayload> = {
  event: 'RepaymentClaimed',
  roles: ['handlaggare', 'chef'],
  rules: [
    amountsNotNegative((d) => [[d.amount, 'amount']]),
    rule('REPAYMENT_WITHOUT_FINDING', (f) =>
      unless(
        f.evaluations.some((e) => !e.fundsUsedAsIntended),
        'Återbetalning kan bara krävas om en utvärdering visat att medel inte använts för avsett ändamål.',
        'Repayment can only be claimed after an evaluation found funds not used as intended.',
      ),
    ),
    rule('REPAYMENT_EXCEEDS_PAID', (f, d) =>
      unless(
        add(totalClaimed(f), d.amount) <= totalPaid(f),
        `Kravet (${formatSwedish(d.amount)}) överstiger utbetalda medel som inte redan krävts tillbaka.`,
        `The claim (${formatEnglish(d.amount)}) exceeds the funds paid and not already claimed.`,
      ),
    ),
    notInFuture((d) => d.claimedOn),
  ],
};
