import type { CommandDefinition, Recorded } from './command';
import { notInFuture, yearWithinPeriod } from './rules';

export type RecordEvaluationPayload = Recorded<'EvaluationRecorded'>;

/** The municipality's evaluation of a year: were the funds used as intended? */
export const recordEvaluation: CommandDefinition<'EvaluationRecorded', RecordEvaluationPayload> = {
  event: 'EvaluationRecorded',
  roles: ['handlaggare'],
  rules: [yearWithinPeriod((d) => d.year), notInFuture((d) => d.evaluatedOn)],
};
