import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { PointInTime } from '../shared/case-repository';
import type { CaseView } from './case-view.dto';

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    /** Time travel: the case as it was then. */
    readonly at?: PointInTime,
  ) {
    super();
  }
}
