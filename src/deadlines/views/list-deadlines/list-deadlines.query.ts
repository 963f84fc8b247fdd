import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../auth/actor';
import type { DeadlineListDto, ListDeadlinesQueryDto } from './list-deadlines.dto';

export class ListDeadlinesQuery extends Query<DeadlineListDto> {
  constructor(
    readonly actor: Actor,
    readonly filters: ListDeadlinesQueryDto,
  ) {
    super();
  }
}
