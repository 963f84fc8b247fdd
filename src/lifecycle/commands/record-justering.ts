import type { CommandDefinition, Recorded } from './command';
import { inOrder, notInFuture } from './rules';

export type RecordJusteringPayload = Recorded<'JusteringRecorded'>;

/** The protocol is justerat (approved by the adjusters) after the meeting. */
export const recordJustering: CommandDefinition<'JusteringRecorded', RecordJusteringPayload> = {
  event: 'JusteringRecorded',
  roles: ['namndsekreterare'],
  rules: [
    inOrder(
      'JUSTERING_BEFORE_MEETING',
      (f, d) => ({ earlier: f.meeting?.meetingDate ?? null, later: d.justeradOn }),
      (e, l) => `Protokollet kan inte justeras (${l}) före sammanträdet (${e}).`,
      (e, l) => `The protocol cannot be justerat (${l}) before the meeting (${e}).`,
    ),
    notInFuture((d) => d.justeradOn),
  ],
};
