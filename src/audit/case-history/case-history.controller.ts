import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { parseCaseId } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { CaseHistoryDto } from './case-history.dto';
import { CaseHistoryQuery } from './case-history.query';

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('cases')
export class CaseHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ operationId: 'getCaseHistory', summary: 'Every event of a case: time, actor, command, state before and after, payload, revision, hash' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseHistoryDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND: no such case visible to the caller.' })
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseHistoryDto> {
    return this.queries.execute(new CaseHistoryQuery(actor, parseCaseId(id)));
  }
}
