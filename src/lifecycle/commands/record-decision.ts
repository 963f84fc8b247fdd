import { BODY_RANK } from '../case.values';
import type { CommandDefinition, Recorded } from './command';
import { notBeforeDate, rule, unless } from './rules';

export type RecordDecisionPayload = Recorded<'DecisionRecorded'>;

/** The meeting's decision: approved, rejected, returned (återremiss), deferred (bordlagd) or recommended to a higher body. */
export const recordDecision: CommandDefinition<'DecisionRecorded', RecordDecisionPayload> = {
  event: 'DecisionRecorded',
  roles: ['namndsekreterare'],
  rules: [
    notBeforeDate('DECISION_BEFORE_MEETING', { sv: 'Beslutet', en: 'The decision' }, (f) => f.meeting?.meetingDate ?? null),
    rule('COMMITTEE_CANNOT_DECIDE', (f, d) =>
      unless(
        !(f.meeting?.body.kind === 'committee' && (d.outcome === 'approved' || d.outcome === 'rejected')),
        `${f.meeting?.body.name} är ett utskott och kan bara rekommendera, inte besluta.`,
        `${f.meeting?.body.name} is a committee (utskott): it can only recommend, not decide.`,
      ),
    ),
    rule('RECOMMENDATION_UNEXPECTED', (_, d) =>
      unless(
        d.outcome === 'recommended' || d.recommendedTo === null,
        'Mottagare anges bara för en rekommendation.',
        'recommendedTo is only given with the outcome recommended.',
      ),
    ),
    rule('RECOMMENDATION_NOT_TO_HIGHER_BODY', (f, d) => {
      const from = f.meeting?.body;
      return unless(
        d.outcome !== 'recommended' || (d.recommendedTo !== null && from !== undefined && BODY_RANK[d.recommendedTo.kind] > BODY_RANK[from.kind]),
        'En rekommendation ska gå till ett högre organ (utskott → styrelse/nämnd → fullmäktige).',
        'A recommendation must go to a higher body (committee → board → council).',
      );
    }),
  ],
};
