import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { parseCaseId } from '../../cases/shared/case-command.controller';
import { CaseError } from '../../cases/shared/case-error';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { ForArchivists } from '../audit-roles';
import { CaseRecords } from '../export/case-records';
import { archivePackage } from './archive-package';

/** Hands a closed case to the e-archive: one package, read only. */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('cases')
export class ArchiveController {
  constructor(private readonly records: CaseRecords) {}

  @Get(':id/archive-package')
  @ApiOperation({
    operationId: 'getArchivePackage',
    summary:
      'A closed case for the e-archive (zip): its documents as PDF/A, the event log as JSON Lines, the verification, arende.xml after FGS Ärendehantering (docs/archive/arende.xsd) and a sha256 manifest',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, description: 'The package, as an attachment.', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ForArchivists()
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'CASE_NOT_CLOSED: only a closed case is handed to the archive.' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const record = await this.records.read(actor.tenant, parseCaseId(id));
    if (!record.facts.closed) throw new CaseError('CASE_NOT_CLOSED', `Case ${record.history.caseId} is not closed; only a closed case goes to the archive.`);
    const name = (record.facts.diarienummer ?? record.history.caseId).replace(/[^\w-]+/g, '-');
    response
      .status(200)
      .type('application/zip')
      .setHeader('Content-Disposition', `attachment; filename="arkivpaket-${name}.zip"`)
      .send(Buffer.from(archivePackage(record)));
  }
}
