import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { WorklistDto, WorklistQueryDto } from './worklist.dto';
import { Worklist } from './worklist';

@ApiTags('Worklist')
@ApiBearerAuth()
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklist: Worklist) {}

  @Get()
  @ApiOperation({
    operationId: 'getWorklist',
    summary: "Cases waiting on the caller (commands their roles may give now), by due date; open cases per stage; the caller's deadlines",
  })
  @ApiOkResponse({ type: WorklistDto, description: 'From the read models: a command shows here within moments.' })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  get(@CurrentActor() actor: Actor, @Query(validationPipe(WorklistQueryDto, 'query')) query: WorklistQueryDto): Promise<WorklistDto> {
    return this.worklist.of(actor, query);
  }
}
