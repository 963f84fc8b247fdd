import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { caseNotFound } from '../../cases/shared/case-error';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { validationPipe, parseCaseId } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { RequireRoles } from '../../cases/shared/require-roles';
import { ForAuditors } from '../audit-roles';
import type { StreamName } from '../../event-store/event-store.port';
import { AnchorVerdictDto, CreatedAnchorDto, VerifyRequestDto } from '../anchor/anchor.dto';
import { Anchors } from '../anchor/anchors';
import { CaseVerifier } from './case-verifier';
import { RecordVerifier } from './record-verifier';
import { CaseVerdictDto, VerifyAllDto } from './verify.dto';

/** Replay verification, for auditors (and admins). It reads and never writes. */
@ApiTags('Audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyController {
  constructor(
    private readonly verifier: CaseVerifier,
    private readonly record: RecordVerifier,
    private readonly anchors: Anchors,
  ) {}

  @Get('cases/:id/verify')
  @ApiOperation({ operationId: 'verifyCase', summary: "Re-folds a case through each event's machine version and recomputes its hash chain" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseVerdictDto })
  @ForAuditors()
  @ApiResponse({ status: 404, type: ErrorDto, description: 'CASE_NOT_FOUND' })
  async verifyCase(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CaseVerdictDto> {
    const verdict = await this.verifier.verifyCase(actor.tenant, parseCaseId(id));
    // A head with no events left is a case whose events were deleted: that is a finding, not a 404.
    if (verdict.events === 0 && verdict.intact) throw caseNotFound(id);
    return verdict;
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'verifyAll',
    summary:
      "Verifies every stream of the caller's tenant (an admin: of every tenant) — cases, diarium series, erasures and any other kind — and the global anchor",
  })
  @ApiBody({ type: VerifyRequestDto, required: false })
  @ApiOkResponse({ type: VerifyAllDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: the kept anchor is not a sha256 in hex.' })
  @ForAuditors()
  async verifyAll(@CurrentActor() actor: Actor, @Body(validationPipe(VerifyRequestDto)) { anchor, limit, after }: VerifyRequestDto): Promise<VerifyAllDto> {
    const everything = actor.roles.includes('admin');
    const range = { limit, after: after === undefined ? undefined : fromCursor(after) };
    const [cases, anchors] = await Promise.all([
      this.record.verifyAll(everything ? undefined : actor.tenant, range),
      after === undefined ? this.anchors.verify(anchor) : undefined,
    ]);
    const answer = { ...cases, next: cases.next && `${cases.next.tenant}/${cases.next.id}` }; // undefined: left out of the JSON
    if (!anchors) return answer;
    // An auditor of one municipality sees the anchor chain, but only its own streams' problems.
    const problems = anchors.problems.filter((problem) => everything || problem.tenant === undefined || problem.tenant === actor.tenant);
    return { ...answer, intact: cases.intact && problems.length === 0, anchors: { ...anchors, intact: problems.length === 0, problems } };
  }

  @Get('anchors')
  @ApiOperation({ operationId: 'verifyAnchors', summary: 'The global anchor: its latest hash (to keep outside the system) and whether the chain verifies' })
  @ApiOkResponse({ type: AnchorVerdictDto })
  @ForAuditors()
  anchorsNow(): Promise<AnchorVerdictDto> {
    return this.anchors.verify();
  }

  @Post('anchors')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'createAnchor', summary: 'Anchors the changed stream heads now (admins; it also runs on a schedule)' })
  @ApiOkResponse({ type: CreatedAnchorDto })
  @RequireRoles(['admin'], 'Anchoring on demand is for admins.')
  async createAnchor(): Promise<CreatedAnchorDto> {
    return { anchor: (await this.anchors.anchor()) ?? null };
  }
}

/** A page cursor, "tenant/stream id", back to the stream it names. */
function fromCursor(cursor: string): StreamName {
  const slash = cursor.indexOf('/');
  return { tenant: cursor.slice(0, slash), id: cursor.slice(slash + 1) };
}
