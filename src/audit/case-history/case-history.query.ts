import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CaseHistoryDto } from './case-history.dto';

export class CaseHistoryQuery extends Query<CaseHistoryDto> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
  ) {
    super();
  }
}
