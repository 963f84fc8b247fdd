import { applyDecorators, Body, Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PersonalDataError } from '../personal-data/personal-data.errors';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { RequireRoles } from '../cases/shared/require-roles';
import { isCaseId } from '../cases/shared/case-stream';
import { EraseByEmailDto, ErasureDto } from './erasure.dto';
import { Erasure } from './erasure.service';

const Refusals = () =>
  applyDecorators(
    ApiResponse({ status: 404, type: ErrorDto, description: 'DATA_SUBJECT_NOT_FOUND' }),
    ApiResponse({ status: 409, type: ErrorDto, description: 'DATA_SUBJECT_ERASED: erased already.' }),
  );

/** Erasure of personal data (GDPR art. 17), for admins: deletes the subject's key; the record stays verifiable. */
@ApiTags('Personal data')
@ApiBearerAuth()
@Controller('data-subjects')
@RequireRoles(['admin'], 'Erasing personal data is for admins.')
export class ErasureController {
  constructor(private readonly erasure: Erasure) {}

  @Post('erasures')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    operationId: 'eraseDataSubjectByEmail',
    summary: "Erases the personal data held about the person with this email (a data subject's request)",
  })
  @ApiBody({ type: EraseByEmailDto })
  @ApiCreatedResponse({ type: ErasureDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: not an email.' })
  @Refusals()
  byEmail(@CurrentActor() actor: Actor, @Body(validationPipe(EraseByEmailDto)) body: EraseByEmailDto): Promise<ErasureDto> {
    return this.erasure.byEmail(actor, body.email);
  }

  @Delete(':subjectId')
  @ApiOperation({ operationId: 'eraseDataSubject', summary: "Erases a data subject's personal data: deletes its key" })
  @ApiParam({ name: 'subjectId', format: 'uuid' })
  @ApiOkResponse({ type: ErasureDto })
  @Refusals()
  bySubjectId(@CurrentActor() actor: Actor, @Param('subjectId') subjectId: string): Promise<ErasureDto> {
    if (!isCaseId(subjectId)) throw new PersonalDataError('DATA_SUBJECT_NOT_FOUND', `No data subject ${subjectId}.`);
    return this.erasure.bySubjectId(actor, subjectId.toLowerCase());
  }
}
