import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { RequireRoles } from '../cases/shared/require-roles';
import { budgetCsv, CSV_CONTENT_TYPE } from './budget-csv';
import { BudgetDto, BudgetQueryDto, budgetInKronor } from './budget.dto';
import { BudgetService } from './budget.service';

@ApiTags('Budget')
@ApiBearerAuth()
@Controller('budget')
export class BudgetController {
  constructor(private readonly budgets: BudgetService) {}

  @Get()
  @ApiOperation({
    operationId: 'getBudget',
    summary: "The year's commitments of the caller's municipality per deciding body and per organisation (planned, paid, outstanding, overpaid): JSON, or CSV",
    description:
      "Each case's figures are its payment plan's year, as GET /cases/:id `money.plan` gives them; the budget is their sums. With `format=csv` or `Accept: text/csv`: the same figures for a Swedish spreadsheet (UTF-8 with BOM, semicolons, decimal comma).",
  })
  @ApiExtraModels(BudgetDto)
  @ApiOkResponse({
    description: 'Read from the case streams as they are now.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(BudgetDto) } },
      'text/csv': { schema: { type: 'string', description: 'The same figures: a row per case, then the sums (see the description above).' } },
    },
  })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: no year, a year out of range, or an unknown format.' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @RequireRoles(['chef', 'handlaggare', 'namndsekreterare', 'admin', 'auditor'], "The budget is for the municipality's officials.")
  async get(
    @CurrentActor() actor: Actor,
    @Query(validationPipe(BudgetQueryDto, 'query')) query: BudgetQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BudgetDto | string> {
    const budget = await this.budgets.of(actor.tenant, query.year);
    const format = query.format ?? (request.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');
    if (format === 'json') return budgetInKronor(budget);
    response.type(CSV_CONTENT_TYPE).setHeader('Content-Disposition', `attachment; filename="budget-${query.year}.csv"`);
    return budgetCsv(budget);
  }
}
