import { finalFrom } from '../appeal-window';
import { present } from '../case.facts';
import type { CommandDefinition, NoPayload } from './command';
import { notBeforeDate } from './rules';

export type RecordFinalPayload = NoPayload;

/** The decision gains legal force (laga kraft) the day after the appeal window closes; refused before. */
export const recordFinal: CommandDefinition<'DecisionBecameFinal', RecordFinalPayload> = {
  event: 'DecisionBecameFinal',
  roles: ['namndsekreterare'],
  rules: [notBeforeDate('NOT_YET_FINAL', { sv: 'Laga kraft', en: 'Legal force (laga kraft)' }, (_, d) => d.finalOn)],
  record: (_, facts) => ({ finalOn: finalFrom(present(facts.protocol.appealWindowEndsOn)) }),
};
