import type { CommandDefinition, Recorded } from './command';
import { inOrder, notInFuture } from './rules';

export type RecordAppealOutcomePayload = Recorded<'AppealOutcomeRecorded'>;

/** The court's judgment: upheld (the case goes on to signing) or quashed (it closes). */
export const recordAppealOutcome: CommandDefinition<'AppealOutcomeRecorded', RecordAppealOutcomePayload> = {
  event: 'AppealOutcomeRecorded',
  roles: ['namndsekreterare'],
  rules: [
    inOrder(
      'APPEAL_DECIDED_BEFORE_LODGED',
      (f, d) => ({ earlier: f.appeal?.lodgedOn ?? null, later: d.decidedOn }),
      (e, l) => `Domen (${l}) kan inte komma före överklagandet (${e}).`,
      (e, l) => `The judgment (${l}) cannot come before the appeal (${e}).`,
    ),
    notInFuture((d) => d.decidedOn),
  ],
};
