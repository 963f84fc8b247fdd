import { PARTY_ROLES } from '../case.values';
import type { CommandDefinition, Recorded } from './command';
import { notInFuture, rule, unless } from './rules';

export type LodgeAppealPayload = Omit<Recorded<'AppealLodged'>, 'finalityWithdrawn'>;

/**
 * An appeal (laglighetsprövning) lodged within the appeal window. Appeals go to the court, so the
 * municipality may hear of one only after it recorded the decision final: from machine v2 such an
 * appeal is still accepted, and the event records the finality it withdraws and who had signed.
 */
export const lodgeAppeal: CommandDefinition<'AppealLodged', LodgeAppealPayload> = {
  event: 'AppealLodged',
  roles: ['namndsekreterare'],
  rules: [
    rule('APPEAL_OUTSIDE_WINDOW', (f, d) => {
      const { postedOn, appealWindowEndsOn } = f.protocol;
      return unless(
        postedOn !== null && appealWindowEndsOn !== null && d.lodgedOn >= postedOn && d.lodgedOn <= appealWindowEndsOn,
        `Överklagandet (${d.lodgedOn}) kom inte in under överklagandetiden (${postedOn}–${appealWindowEndsOn}).`,
        `The appeal (${d.lodgedOn}) was not lodged within the appeal window (${postedOn} to ${appealWindowEndsOn}).`,
      );
    }),
    // A late appeal reopens a decision recorded final, not one the court has already tried.
    rule('APPEAL_ALREADY_DECIDED', (f) => {
      const outcome = f.appeal?.outcome ?? null;
      return unless(
        outcome === null,
        `Ett överklagande av beslutet har redan prövats (${outcome === 'upheld' ? 'beslutet stod fast' : 'beslutet upphävdes'}).`,
        `An appeal against the decision has already been decided (${outcome}).`,
      );
    }),
    notInFuture((d) => d.lodgedOn),
  ],
  record: (payload, facts) => ({
    ...payload,
    finalityWithdrawn: facts.finalOn === null ? null : { finalOn: facts.finalOn, signedBy: PARTY_ROLES.filter((party) => facts.signatures[party] !== null) },
  }),
};
