import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { validationPipe, parseCaseId } from '../shared/case-command.controller';
import { ErrorDto } from '../shared/case-result.dto';
import { ETAG_HEADER, etag } from '../shared/case-view';
import { CaseViewDto, PointInTimeQueryDto, type CaseView } from './case-view.dto';
import { GetCaseQuery } from './get-case.query';

@ApiTags('Cases')
@ApiBearerAuth()
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOperation({ operationId: 'getCase', summary: 'A case: its state, facts, and what the caller may do next — now, or as it was at a moment or revision' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseViewDto, headers: ETAG_HEADER })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: asOf or revision is malformed.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND: no such case visible to the caller (or not yet at that point).' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query(validationPipe(PointInTimeQueryDto, 'query')) { asOf, revision }: PointInTimeQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView> {
    const at = { ...(asOf !== undefined && { asOf: new Date(asOf) }), ...(revision !== undefined && { revision: BigInt(revision) }) };
    const view = await this.queries.execute(new GetCaseQuery(actor, parseCaseId(id), at));
    response.setHeader('ETag', etag(view.revision));
    return view;
  }
}
