import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidInput } from '../../shared/engine-error';
import { caseNotFound } from '../../cases/shared/case-error';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { parseCaseId } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { asCaseEvents, caseStream } from '../../cases/shared/case-stream';
import { EventStore } from '../../event-store/event-store.port';
import { PersonalData } from '../../personal-data/personal-data';
import { Clock } from '../../shared/clock';
import { historyOf } from '../case-history/case-history.handler';
import { verdictOf } from '../verify/case-verdict';
import { ForAuditors } from '../audit-roles';
import { CONTENT_TYPES, EXPORT_FORMATS, toCsv, toHtml, toJsonLines, type CaseRecord, type ExportFormat } from './case-export';

const RENDER: Record<ExportFormat, (record: CaseRecord) => string> = { jsonl: toJsonLines, csv: toCsv, html: toHtml };

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportController {
  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
    private readonly clock: Clock,
  ) {}

  @Get('cases/:id/export')
  @ApiOperation({
    operationId: 'exportCase',
    summary: 'A case for the record: JSON Lines (programs), CSV (spreadsheets) or a printable HTML report, each with its verification',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'format', enum: EXPORT_FORMATS, required: false })
  @ApiResponse({
    status: 200,
    description: 'The export, as an attachment.',
    content: Object.fromEntries(Object.values(CONTENT_TYPES).map((type) => [type, { schema: { type: 'string' } }])),
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: an unknown format.' })
  @ForAuditors()
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('format') format: string = 'jsonl', @Res() response: Response): Promise<void> {
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      throw new InvalidInput('VALIDATION_FAILED', `Unknown format ${format}.`, {
        fields: [{ field: 'format', messages: [`must be one of ${EXPORT_FORMATS.join(', ')}`] }],
      });
    }
    const caseId = parseCaseId(id);
    // One read: the events as stored (what the chain covers), the verdict on them, and their history with personal data opened.
    const [stored] = await this.store.readStreams([caseStream(actor.tenant, caseId)]);
    if (stored.events.length === 0) throw caseNotFound(caseId);
    const events = asCaseEvents(stored.events);
    const { history, snapshot } = historyOf(caseId, await this.personalData.open(actor.tenant, events));
    const facts = snapshot!.context;
    const record: CaseRecord = { tenant: actor.tenant, facts, events, history, verdict: verdictOf(stored, caseId), exportedAt: this.clock.now().toISOString() };
    const name = (facts.diarienummer ?? caseId).replace(/[^\w-]+/g, '-');
    response
      .status(200)
      .type(CONTENT_TYPES[format as ExportFormat])
      .setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`)
      .send(RENDER[format as ExportFormat](record));
  }
}
