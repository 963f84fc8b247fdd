import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../auth/actor';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { parseCaseId } from '../../../cases/shared/case-command.controller';
import { ErrorDto } from '../../../cases/shared/case-result.dto';
import { CaseDeadlinesDto } from './case-deadlines.dto';
import { GetCaseDeadlinesQuery } from './get-case-deadlines.query';

@ApiTags('Deadlines')
@ApiBearerAuth()
@Controller('cases')
export class GetCaseDeadlinesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deadlines')
  @ApiOperation({ operationId: 'getCaseDeadlines', summary: "A case's deadlines: date, rule, a checkable explanation, and status today" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseDeadlinesDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND: no such case visible to the caller.' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDeadlinesDto> {
    return this.queries.execute(new GetCaseDeadlinesQuery(actor, parseCaseId(id)));
  }
}
