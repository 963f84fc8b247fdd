import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { DOCUMENT_KINDS } from '../../lifecycle';
import { parseCaseId } from '../shared/case-command.controller';
import { ErrorDto } from '../shared/case-result.dto';
import { CaseDocuments } from './case-documents';
import { CaseDocumentDto } from './documents.dto';

@ApiTags('Cases')
@ApiBearerAuth()
@Controller('cases')
export class DocumentsController {
  constructor(private readonly documents: CaseDocuments) {}

  @Get(':id/documents')
  @ApiOperation({
    operationId: 'listCaseDocuments',
    summary:
      'The documents a case has reached (kvittens, tjänsteutlåtande, protokollsutdrag, överenskommelse, återrapport): draft or final, with the hash each recorded',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [CaseDocumentDto] })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseDocumentDto[]> {
    return this.documents.list(actor, parseCaseId(id));
  }

  @Get(':id/documents/:kind')
  @ApiOperation({
    operationId: 'getCaseDocument',
    summary: 'A document as PDF/A-2b: as issued once final (the bytes whose hash its event recorded), else a draft watermarked UTKAST',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'kind', enum: DOCUMENT_KINDS })
  @ApiResponse({ status: 200, description: 'The PDF, as an attachment.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND, or DOCUMENT_NOT_FOUND: no such kind, or the case has not reached it.' })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('kind') kind: string, @Res() response: Response): Promise<void> {
    const file = await this.documents.file(actor, parseCaseId(id), kind);
    response.status(200).type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.bytes);
  }
}
