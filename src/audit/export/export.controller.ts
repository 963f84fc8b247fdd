import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidInput } from '../../shared/engine-error';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { parseCaseId } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { ForAuditors } from '../audit-roles';
import { CONTENT_TYPES, EXPORT_FORMATS, toCsv, toHtml, toJsonLines, type CaseRecord, type ExportFormat } from './case-export';
import { CaseRecords } from './case-records';

const RENDER: Record<ExportFormat, (record: CaseRecord) => string> = { jsonl: toJsonLines, csv: toCsv, html: toHtml };

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportController {
  constructor(private readonly records: CaseRecords) {}

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
    const record = await this.records.read(actor.tenant, parseCaseId(id));
    const name = (record.facts.diarienummer ?? record.history.caseId).replace(/[^\w-]+/g, '-');
    response
      .status(200)
      .type(CONTENT_TYPES[format as ExportFormat])
      .setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`)
      .send(RENDER[format as ExportFormat](record));
  }
}
