import { appealWindowEnd } from '../appeal-window';
import { issuing, type CommandDefinition, type IssuingPayload } from './command';
import { inOrder, notInFuture } from './rules';

/** The appeal window's end is computed, not given. */
export type RecordPostingPayload = Omit<IssuingPayload<'PostingRecorded'>, 'appealWindowEndsOn'>;

/** The justerat protocol is posted on the notice board (anslag): the appeal window opens. */
export const recordPosting: CommandDefinition<'PostingRecorded', RecordPostingPayload> = {
  event: 'PostingRecorded',
  roles: ['namndsekreterare'],
  rules: [
    inOrder(
      'POSTING_BEFORE_JUSTERING',
      (f, d) => ({ earlier: f.protocol.justeradOn, later: d.postedOn }),
      (e, l) => `Protokollet kan inte anslås (${l}) före justeringen (${e}).`,
      (e, l) => `The protocol cannot be posted (${l}) before its justering (${e}).`,
    ),
    notInFuture((d) => d.postedOn),
  ],
  record: ({ postedOn, document }) => issuing({ postedOn, appealWindowEndsOn: appealWindowEnd(postedOn), document }),
};
