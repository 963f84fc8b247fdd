import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ErrorDto } from '../shared/case-result.dto';
import { validationPipe } from '../shared/case-command.controller';
import { CaseListDto, ListCasesQueryDto } from './list-cases.dto';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('Cases')
@ApiBearerAuth()
@Controller('cases')
export class ListCasesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listCases', summary: 'The cases the caller may see, most recently changed first, with filters and paging' })
  @ApiOkResponse({ type: CaseListDto, description: 'Kept by a projection: a command shows here within moments.' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: a filter is malformed.' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  list(@CurrentActor() actor: Actor, @Query(validationPipe(ListCasesQueryDto, 'query')) filters: ListCasesQueryDto): Promise<CaseListDto> {
    return this.queries.execute(new ListCasesQuery(actor, filters));
  }
}
