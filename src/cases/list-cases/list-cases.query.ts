import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CaseListDto, ListCasesQueryDto } from './list-cases.dto';

export class ListCasesQuery extends Query<CaseListDto> {
  constructor(
    readonly actor: Actor,
    readonly filters: ListCasesQueryDto,
  ) {
    super();
  }
}
