import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../auth/actor';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { validationPipe } from '../../../cases/shared/case-command.controller';
import { ErrorDto } from '../../../cases/shared/case-result.dto';
import { DeadlineListDto, ListDeadlinesQueryDto } from './list-deadlines.dto';
import { ListDeadlinesQuery } from './list-deadlines.query';

@ApiTags('Deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class ListDeadlinesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listDeadlines', summary: "Deadlines across the caller's cases in a date range, by date" })
  @ApiOkResponse({ type: DeadlineListDto })
  @ApiResponse({
    status: 400,
    type: ErrorDto,
    description: 'INVALID_DATE_RANGE: from or to is not a date, from is after to, or the range is too long; VALIDATION_FAILED: a filter is malformed.',
  })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  list(@CurrentActor() actor: Actor, @Query(validationPipe(ListDeadlinesQueryDto, 'query')) filters: ListDeadlinesQueryDto): Promise<DeadlineListDto> {
    return this.queries.execute(new ListDeadlinesQuery(actor, filters));
  }
}
