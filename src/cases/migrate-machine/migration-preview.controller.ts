import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { EventStore } from '../../event-store/event-store.port';
import { machines } from '../../lifecycle';
import { InvalidInput } from '../../shared/engine-error';
import { validationPipe } from '../shared/case-command.controller';
import { ErrorDto } from '../shared/case-result.dto';
import { RequireRoles } from '../shared/require-roles';
import { MigrationPreviewDto, MigrationPreviewQueryDto } from './migration-preview.dto';
import { countOutcomes, previewAll } from './preview-all';

@ApiTags('Case machine versions')
@ApiBearerAuth()
@Controller('machine-migrations')
export class MigrationPreviewController {
  constructor(private readonly store: EventStore) {}

  @Get('preview')
  @ApiOperation({
    operationId: 'previewMachineMigration',
    summary: "What would become of the tenant's live cases under another registered version of their machine (admins); changes nothing",
  })
  @ApiOkResponse({ type: MigrationPreviewDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: no such machine version in this build, or a malformed query.' })
  @RequireRoles(['admin'], 'The migration preview is for admins.')
  async preview(
    @CurrentActor() actor: Actor,
    @Query(validationPipe(MigrationPreviewQueryDto, 'query')) query: MigrationPreviewQueryDto,
  ): Promise<MigrationPreviewDto> {
    const candidate = machines[query.machine]?.[query.version];
    if (!candidate) {
      throw new InvalidInput('VALIDATION_FAILED', `This build has no machine ${query.machine} version ${query.version}.`, {
        fields: [{ field: 'version', messages: [`registered: ${Object.keys(machines[query.machine] ?? {}).join(', ') || 'none'}`] }],
      });
    }
    const { cases, closed } = await previewAll(this.store, candidate, actor.tenant);
    return {
      machine: query.machine,
      version: query.version,
      summary: { live: cases.length, closed, ...countOutcomes(cases) },
      cases: cases.map(({ caseId, diarienummer, preview }) => ({ caseId, diarienummer, ...preview })),
    };
  }
}
