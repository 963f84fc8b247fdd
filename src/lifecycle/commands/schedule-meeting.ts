import type { CommandDefinition, Recorded } from './command';
import { inOrder, rule, unless } from './rules';

export type ScheduleMeetingPayload = Recorded<'MeetingScheduled'>;

/** Putting the case on a body's agenda; after a deferral or a recommendation, the right body's later meeting. */
export const scheduleMeeting: CommandDefinition<'MeetingScheduled', ScheduleMeetingPayload> = {
  event: 'MeetingScheduled',
  roles: ['namndsekreterare'],
  rules: [
    inOrder(
      'MEETING_BEFORE_PROPOSAL_SIGNED',
      (f, d) => ({ earlier: f.proposal?.signedOn ?? null, later: d.meetingDate }),
      (e, l) => `Sammanträdet (${l}) kan inte ligga före tjänsteutlåtandets underskrift (${e}).`,
      (e, l) => `The meeting (${l}) cannot be before the proposal was signed (${e}).`,
    ),
    rule('MEETING_BODY_MISMATCH', ({ nextMeeting: next }, d) =>
      unless(
        next === null || d.body.code === next.bodyCode,
        `Ärendet ska behandlas av ${next?.bodyCode}, inte ${d.body.code}.`,
        `The case must go to ${next?.bodyCode}, not ${d.body.code}.`,
      ),
    ),
    rule('MEETING_NOT_AFTER_PREVIOUS', ({ nextMeeting: next }, d) =>
      unless(
        next === null || d.meetingDate > next.after,
        `Det nya sammanträdet (${d.meetingDate}) måste ligga efter det förra (${next?.after}).`,
        `The new meeting (${d.meetingDate}) must be after the previous one (${next?.after}).`,
      ),
    ),
  ],
};
