import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../auth/actor';
import type { CaseDeadlinesDto } from './case-deadlines.dto';

export class GetCaseDeadlinesQuery extends Query<CaseDeadlinesDto> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
  ) {
    super();
  }
}
