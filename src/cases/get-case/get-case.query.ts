import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CaseView } from './case-view.dto';

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
  ) {
    super();
  }
}
