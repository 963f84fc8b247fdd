import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { commandRequest, parseCaseId } from '../shared/case-command.controller';
import { CaseResultDto, ErrorDto } from '../shared/case-result.dto';
import { ETAG_HEADER, etag, type CaseResult } from '../shared/case-view';
import { MigrateMachineCommand } from './migrate-machine.handler';
import { MigrateMachineDto } from './migrate-machine.dto';

@ApiTags('Case machine versions')
@ApiBearerAuth()
@Controller('cases')
export class MigrateMachineController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':id/machine-migrations')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'migrateMachine', summary: 'Moves a live case to another version of its machine (admins), if its state and facts fit there' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The case id.' })
  @ApiBody({ type: MigrateMachineDto })
  @ApiOkResponse({ type: CaseResultDto, description: 'The case under its new machine.', headers: ETAG_HEADER })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN_ROLE: admins only.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CASE_CHANGED: the case changed meanwhile.' })
  @ApiResponse({ status: 412, type: ErrorDto, description: 'PRECONDITION_FAILED: If-Match names an older revision.' })
  @ApiResponse({ status: 422, type: ErrorDto, description: 'MIGRATION_REFUSED: the state or facts do not fit the target machine; `details.reasons` say why.' })
  async migrate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseResult> {
    const result = await this.bus.execute(new MigrateMachineCommand(actor, parseCaseId(id), body, commandRequest(headers)));
    response.setHeader('ETag', etag(result.revision));
    return result;
  }
}
