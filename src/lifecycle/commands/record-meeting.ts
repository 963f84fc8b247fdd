import type { CommandDefinition, Recorded } from './command';
import { notInFuture } from './rules';

export type RecordMeetingPayload = Recorded<'FollowUpMeetingRecorded'>;

/** A follow-up meeting of the partnership (operational or strategic forum). */
export const recordMeeting: CommandDefinition<'FollowUpMeetingRecorded', RecordMeetingPayload> = {
  event: 'FollowUpMeetingRecorded',
  roles: ['handlaggare'],
  rules: [notInFuture((d) => d.heldOn)],
};
