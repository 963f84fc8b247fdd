import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CASE_COMMANDS } from '../case-commands';
import { CaseCommand } from '../shared/case-command';
import { CommandHeaders, commandRequest } from '../shared/case-command.controller';
import { CaseResultDto } from '../shared/case-result.dto';
import { ETAG_HEADER, etag, type CaseResult } from '../shared/case-view';
import { idempotentCaseId } from '../shared/idempotency';
import { SubmitApplicationDto } from './submit-application.dto';

/** Opens a new case; its id is chosen here (from the Idempotency-Key when one is given). */
@ApiTags('Cases')
@ApiBearerAuth()
@Controller('cases')
export class SubmitApplicationController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ operationId: 'submitApplication', summary: CASE_COMMANDS['submit-application'].summary })
  @ApiBody({ type: SubmitApplicationDto })
  @ApiCreatedResponse({
    type: CaseResultDto,
    description: 'The new case.',
    headers: { ...ETAG_HEADER, Location: { description: 'The new case: /cases/{id}.', schema: { type: 'string' } } },
  })
  @CommandHeaders()
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseResult> {
    const request = commandRequest(headers);
    const caseId = request.idempotencyKey ? idempotentCaseId(actor.tenant, request.idempotencyKey) : randomUUID();
    const result = await this.bus.execute(new CaseCommand('submit-application', actor, caseId, body, request));
    response.setHeader('Location', `/cases/${result.id}`).setHeader('ETag', etag(result.revision));
    return result;
  }
}
