import type { CommandDefinition, Recorded } from './command';
import { notInFuture, rule, unless } from './rules';

export type LodgeAppealPayload = Recorded<'AppealLodged'>;

/** An appeal (laglighetsprövning) lodged within the appeal window. */
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
    notInFuture((d) => d.lodgedOn),
  ],
};
