import { ApiProperty } from '@nestjs/swagger';
import {
  paymentPlan,
  refundOnTermination,
  type CaseFacts,
  type IndexSeriesLookup,
  type IsoDate,
  type PaymentPlan,
  type PlanLine,
  type PlanYear,
  type Refund,
  type RefundLine,
} from '../../lifecycle';
import { KRONOR_FORM, toKronorString, type Computed, type InKronor } from '../../money';
import { DateRangeDto } from '../shared/values.dto';

/**
 * The money of a case as `GET /cases/:id` gives it: the payment plan with what was paid, and the
 * refund on termination, every amount a kronor string with its arithmetic in Swedish and English.
 */

const kronor = (description: string, example: string) => ({ ...KRONOR_FORM, description: `${description} ${KRONOR_FORM.description}`, example });

export class ExplanationDto {
  @ApiProperty({ description: 'The arithmetic in Swedish.', example: '3,00 kr × 6 784 invånare (2017-11-01) = 20 352,00 kr' })
  sv!: string;

  @ApiProperty({ description: 'The arithmetic in English.', example: '3.00 kr × 6,784 inhabitants (2017-11-01) = 20,352.00 kr' })
  en!: string;
}

/** An amount the engine computed, with how. */
export class ComputedDto implements InKronor<Computed> {
  @ApiProperty(kronor('The amount.', '20352.00'))
  amount!: string;

  @ApiProperty({ type: () => ExplanationDto })
  explanation!: ExplanationDto;
}

export class PlanLineDto implements InKronor<PlanLine> {
  @ApiProperty({ type: 'integer', example: 2025 })
  year!: number;

  @ApiProperty({ description: "The funding line's id (an adjustment has the id of the line it adjusts).", example: 'bidrag' })
  lineId!: string;

  @ApiProperty({ example: 'Bidrag från social- och omsorgsnämnden' })
  label!: string;

  @ApiProperty({
    enum: ['due', 'adjustment'],
    description:
      '`due`: the line as the terms give it; `adjustment`: the difference a revised index value made after the year was paid (negative: to reclaim).',
  })
  kind!: 'due' | 'adjustment';

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When it is due: 31 January (or the period start), 30 days after a revision for an adjustment; null when paid on invoice.',
    example: '2025-01-31',
  })
  dueOn!: IsoDate | null;

  @ApiProperty({ description: 'What the amount rests on: fixed, perInhabitant, indexed:<series>, index-revision:<series>.', example: 'indexed:OPI' })
  basis!: string;

  @ApiProperty({ type: () => ComputedDto })
  amount!: ComputedDto;
}

export class PlanYearDto implements InKronor<PlanYear> {
  @ApiProperty({ type: 'integer', example: 2025 })
  year!: number;

  @ApiProperty({ type: () => [PlanLineDto], description: 'The lines the municipality pays for the year.' })
  lines!: PlanLineDto[];

  @ApiProperty(kronor('The sum of the lines.', '507290.13'))
  planned!: string;

  @ApiProperty(kronor('Payments for the year (a payment covering several years counts by days).', '507290.13'))
  paid!: string;

  @ApiProperty(kronor('Planned and not yet paid.', '0.00'))
  outstanding!: string;

  @ApiProperty(kronor('Paid beyond the plan.', '0.00'))
  overpaid!: string;

  @ApiProperty({ type: () => [ComputedDto], description: "The organisation's own contribution of the year: valued, not paid." })
  ownContribution!: ComputedDto[];

  @ApiProperty({ type: () => ComputedDto, description: 'What the agreement is worth in the year: the lines and the own contribution.' })
  value!: ComputedDto;
}

export class PaymentPlanDto implements InKronor<PaymentPlan> {
  @ApiProperty({ type: () => [PlanYearDto], description: 'Each calendar year of the period.' })
  years!: PlanYearDto[];

  @ApiProperty(kronor('All years planned.', '1471050.33'))
  planned!: string;

  @ApiProperty(kronor('All years paid.', '1471050.33'))
  paid!: string;

  @ApiProperty(kronor('All years outstanding.', '0.00'))
  outstanding!: string;

  @ApiProperty(kronor('All years overpaid.', '0.00'))
  overpaid!: string;
}

export class RefundLineDto implements InKronor<RefundLine> {
  @ApiProperty(kronor('The payment.', '507290.13'))
  amount!: string;

  @ApiProperty({ type: () => DateRangeDto, description: 'The period it paid for.' })
  covers!: DateRangeDto;

  @ApiProperty({ type: 'integer', description: 'Days of that period (366 in a leap year).', example: 365 })
  daysInPeriod!: number;

  @ApiProperty({ type: 'integer', description: 'Days the agreement was in force.', example: 273 })
  daysUsed!: number;

  @ApiProperty({ type: 'integer', description: 'Days after it ended: their share is refunded.', example: 92 })
  daysUnused!: number;

  @ApiProperty({ type: () => ComputedDto, description: 'The unused part, with its arithmetic.' })
  refund!: ComputedDto;
}

export class RefundDto implements InKronor<Refund> {
  @ApiProperty({ type: () => ComputedDto, description: 'The refund: the sum of the lines, to the öre.' })
  total!: ComputedDto;

  @ApiProperty({ type: () => [RefundLineDto] })
  lines!: RefundLineDto[];
}

/** What the view adds about money. */
export interface CaseMoney {
  readonly plan: PaymentPlan | null;
  readonly refund: Refund | null;
}
export type CaseMoneyView = InKronor<CaseMoney>;

/** The plan once there are terms; the refund once notice is given (as of the day it takes effect). */
export function caseMoney(facts: CaseFacts, index: IndexSeriesLookup): CaseMoney {
  return {
    plan: facts.agreedTerms ? paymentPlan(facts, index) : null,
    refund: facts.notice ? refundOnTermination(facts.payments, facts.notice.effectiveOn) : null,
  };
}

export class CaseMoneyDto implements CaseMoneyView {
  @ApiProperty({
    type: () => PaymentPlanDto,
    nullable: true,
    description: 'The payment plan from the terms and the index values (reference data), and what was paid; null before there are terms.',
  })
  plan!: PaymentPlanDto | null;

  @ApiProperty({
    type: () => RefundDto,
    nullable: true,
    description: 'Once notice is given: the unused funds to refund when it takes effect, pro rata by day over each payment’s period.',
  })
  refund!: RefundDto | null;
}

const kr = toKronorString;
const computed = (c: Computed): InKronor<Computed> => ({ amount: kr(c.amount), explanation: c.explanation });

export function planInKronor(plan: PaymentPlan): InKronor<PaymentPlan> {
  return {
    years: plan.years.map((year) => ({
      ...year,
      lines: year.lines.map((line) => ({ ...line, amount: computed(line.amount) })),
      planned: kr(year.planned),
      paid: kr(year.paid),
      outstanding: kr(year.outstanding),
      overpaid: kr(year.overpaid),
      ownContribution: year.ownContribution.map(computed),
      value: computed(year.value),
    })),
    planned: kr(plan.planned),
    paid: kr(plan.paid),
    outstanding: kr(plan.outstanding),
    overpaid: kr(plan.overpaid),
  };
}

export function refundInKronor(refund: Refund): InKronor<Refund> {
  return { total: computed(refund.total), lines: refund.lines.map((line) => ({ ...line, amount: kr(line.amount), refund: computed(line.refund) })) };
}

export function moneyInKronor({ plan, refund }: CaseMoney): CaseMoneyView {
  return { plan: plan && planInKronor(plan), refund: refund && refundInKronor(refund) };
}
