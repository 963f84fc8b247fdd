import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../../api/api-error';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { parseCaseId } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import type { Role } from '../../lifecycle';
import { CaseVerifier } from './case-verifier';
import { CaseVerdictDto, VerifyAllDto } from './verify.dto';

const AUDIT_ROLES: Role[] = ['auditor', 'admin'];

/** Replay verification, for auditors (and admins). It reads and never writes. */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyController {
  constructor(private readonly verifier: CaseVerifier) {}

  @Get('cases/:id/verify')
  @ApiOperation({ operationId: 'verifyCase', summary: "Re-folds a case through each event's machine version and recomputes its hash chain" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseVerdictDto })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN_ROLE: auditors and admins only.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  async verifyCase(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseVerdictDto> {
    assertAuditor(actor);
    const verdict = await this.verifier.verifyCase(actor.tenant, parseCaseId(id));
    if (verdict.events === 0) throw new ApiError('CASE_NOT_FOUND', `No case ${id}.`);
    return verdict;
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'verifyAll', summary: "Verifies every case of the caller's tenant (an admin: of every tenant)" })
  @ApiOkResponse({ type: VerifyAllDto })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN_ROLE: auditors and admins only.' })
  verifyAll(@CurrentActor() actor: Actor): Promise<VerifyAllDto> {
    assertAuditor(actor);
    return this.verifier.verifyAll(actor.roles.includes('admin') ? undefined : actor.tenant);
  }
}

function assertAuditor(actor: Actor): void {
  if (!actor.roles.some((role) => AUDIT_ROLES.includes(role))) {
    throw new ApiError('FORBIDDEN_ROLE', 'Verification is for auditors and admins.', { required: AUDIT_ROLES });
  }
}
