import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DecidingBodyDto } from '../cases/shared/values.dto';
import { PlanYearDto } from '../cases/get-case/case-money.dto';
import { toKronorString, type InKronor } from '../money';
import type { Budget, BudgetAmounts, BudgetCase, BudgetOrganisation, BudgetSum, BodyBudget, OrganisationBudget } from './budget';

export const BUDGET_FORMATS = ['json', 'csv'] as const;
export type BudgetFormat = (typeof BUDGET_FORMATS)[number];

/** Years an agreement's plan can reasonably hold: a typo (20255) is refused, not answered with nothing. */
export const BUDGET_YEARS = { minimum: 2000, maximum: 2100 } as const;

export class BudgetQueryDto {
  @ApiProperty({ type: 'integer', ...BUDGET_YEARS, description: 'The calendar year.', example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(BUDGET_YEARS.minimum)
  @Max(BUDGET_YEARS.maximum)
  year!: number;

  @ApiPropertyOptional({ enum: BUDGET_FORMATS, description: 'csv: the same figures for a spreadsheet (also with `Accept: text/csv`).' })
  @IsOptional()
  @IsIn(BUDGET_FORMATS)
  format?: BudgetFormat;
}

/** A year's four figures, documented as the case view's plan year documents them: the same figures, summed. */
export class BudgetAmountsDto extends PickType(PlanYearDto, ['planned', 'paid', 'outstanding', 'overpaid'] as const) implements InKronor<BudgetAmounts> {}

export class BudgetSumDto extends BudgetAmountsDto implements InKronor<BudgetSum> {
  @ApiProperty({ type: 'integer', description: 'How many cases the sum is of.', example: 3 })
  cases!: number;
}

export class BudgetOrganisationDto implements BudgetOrganisation {
  @ApiProperty({ example: 'Föreningen Trygga Hem' })
  name!: string;

  @ApiProperty({ description: 'As the case has it, normalised (NNNNNN-NNNN) when valid.', example: '802456-1234' })
  organisationNumber!: string;
}

export class BodyBudgetDto extends BudgetSumDto implements InKronor<BodyBudget> {
  @ApiProperty({ type: () => DecidingBodyDto, description: 'The body that approved the agreements.' })
  body!: DecidingBodyDto;
}

export class OrganisationBudgetDto extends BudgetSumDto implements InKronor<OrganisationBudget> {
  @ApiProperty({ type: () => BudgetOrganisationDto })
  organisation!: BudgetOrganisationDto;
}

export class BudgetCaseDto extends BudgetAmountsDto implements InKronor<BudgetCase> {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'SN 2025/0042' })
  diarienummer!: string | null;

  @ApiProperty({
    type: () => DecidingBodyDto,
    nullable: true,
    description: "The body whose decision approved the agreement (the case's last `approved` decision); null while no body has decided.",
  })
  body!: DecidingBodyDto | null;

  @ApiProperty({ type: () => BudgetOrganisationDto })
  organisation!: BudgetOrganisationDto;
}

export class BudgetDto implements InKronor<Budget> {
  @ApiProperty({ type: 'integer', example: 2025 })
  year!: number;

  @ApiProperty({ type: () => BudgetSumDto, description: 'The commitments: every case a body approved whose plan has the year.' })
  total!: BudgetSumDto;

  @ApiProperty({ type: () => [BodyBudgetDto], description: 'The commitments per deciding body, by code.' })
  bodies!: BodyBudgetDto[];

  @ApiProperty({ type: () => [OrganisationBudgetDto], description: 'The commitments per organisation, by name.' })
  organisations!: OrganisationBudgetDto[];

  @ApiProperty({
    type: () => BudgetSumDto,
    description: 'Open cases with terms that no body has decided on yet (their requested or proposed terms): not in the commitments.',
  })
  notYetDecided!: BudgetSumDto;

  @ApiProperty({
    type: () => [BudgetCaseDto],
    description:
      "Each case of the year with its plan's figures (as GET /cases/:id `money.plan` gives them): commitments by body and diarienummer, then those not yet decided. Cases closed without an agreement are left out.",
  })
  cases!: BudgetCaseDto[];
}

const amountsInKronor = <T extends BudgetAmounts>(amounts: T) => ({
  ...amounts,
  planned: toKronorString(amounts.planned),
  paid: toKronorString(amounts.paid),
  outstanding: toKronorString(amounts.outstanding),
  overpaid: toKronorString(amounts.overpaid),
});

export function budgetInKronor(budget: Budget): BudgetDto {
  return {
    year: budget.year,
    total: amountsInKronor(budget.total),
    bodies: budget.bodies.map(amountsInKronor),
    organisations: budget.organisations.map(amountsInKronor),
    notYetDecided: amountsInKronor(budget.notYetDecided),
    cases: budget.cases.map(amountsInKronor),
  };
}
