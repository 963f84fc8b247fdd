import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, ValidateNested } from 'class-validator';
import {
  BODY_KINDS,
  FUNDING_LINE_KINDS,
  PARTY_ROLES,
  PAYMENT_SCHEDULES,
  RECEIPT_CHANNELS,
  type BodyKind,
  type DateRange,
  type DecidingBody,
  type FixedLine,
  type Inhabitants,
  type Indexation,
  type IsoDate,
  type Officer,
  type Party,
  type PaymentSchedule,
  type OwnContributionLine,
  type PerInhabitantLine,
  type Person,
  type Receipt,
  type ReceiptChannel,
  type ReceiptPayload,
  type Terms,
} from '../../lifecycle';
import type { Ore } from '../../money';
import {
  BODY_CODE,
  DateField,
  IntegerField,
  IsBodyCode,
  IsNested,
  IsOrganisationNumber,
  IsText,
  KronorField,
  NestedField,
  OptionalKronorField,
  stringRule,
  TextField,
} from './validation';

/** Value objects shared by the command DTOs; each implements the lifecycle's type. */

/** Documentation of properties that more than one DTO has. */
export const ORGANISATION_NUMBER_DOC = {
  description: 'Organisationsnummer: ten digits NNNNNN-NNNN, the last a Luhn check digit.',
  example: '822004-0417',
  pattern: '^\\d{6}-?\\d{4}$',
};
export const BODY_CODE_DOC = {
  description: "The deciding body's code, which also starts its diarium series.",
  example: 'KS',
  pattern: BODY_CODE.source,
};
export const PARTY_ROLE_DOC = {
  enum: [...PARTY_ROLES],
  description: 'The side of the agreement: the municipality or the organisation.',
  example: 'organisation',
};

export class PartyDto implements Party {
  @TextField('The name of the municipality or organisation.', 'Brottsofferjouren i Linköping')
  name!: string;

  @ApiProperty(ORGANISATION_NUMBER_DOC)
  @IsOrganisationNumber()
  organisationNumber!: string;
}

export class PersonDto implements Person {
  @TextField('The name of the person who signs.', 'Linda Ljungqvist')
  name!: string;

  @TextField('The capacity in which they sign.', 'Social- och omsorgsdirektör')
  title!: string;
}

export class OfficerDto implements Officer {
  @TextField("The case officer's user id (the token's `sub`).", 'frida.larsson')
  id!: string;

  @TextField("The case officer's name.", 'Frida Larsson')
  name!: string;
}

export class DecidingBodyDto implements DecidingBody {
  @ApiProperty(BODY_CODE_DOC)
  @IsBodyCode()
  code!: string;

  @TextField("The body's name.", 'Kommunstyrelsen')
  name!: string;

  @ApiProperty({
    enum: [...BODY_KINDS],
    description: 'A committee (utskott) only recommends, to a board (nämnd, KS) or the council (KF).',
    example: 'board',
  })
  @IsIn(BODY_KINDS)
  kind!: BodyKind;
}

export class DateRangeDto implements DateRange {
  @DateField('The first day.', '2024-01-01')
  start!: IsoDate;

  @DateField('The last day, inclusive (till och med).', '2026-12-31')
  end!: IsoDate;
}

/** A funding line's id: lower-case letters, digits and hyphens (`bidrag`, `foreningsbidrag`). */
export const LINE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const IsLineId = stringRule('isLineId', (value) => LINE_ID.test(value), 'must be a line id of lower-case letters, digits and hyphens, e.g. bidrag');

export class IndexationDto implements Indexation {
  @TextField('The index series the amount follows (reference data), e.g. OPI (omsorgsprisindex).', 'OPI')
  index!: string;

  @DateField("The first day indexing applies: its year is the first whose amount is the previous year's × (1 + the index's change).", '2024-01-01')
  from!: IsoDate;
}

/** What every funding line has: its id within the case and what the agreement calls it. */
abstract class LineDto {
  @ApiProperty({ description: 'The line within the case; an amendment that changes the line keeps its id.', example: 'bidrag', pattern: LINE_ID.source })
  @IsLineId()
  id!: string;

  @TextField('What the agreement calls the line.', 'Bidrag från kommunstyrelsen')
  label!: string;
}

const INDEXATION_DOC = { type: () => IndexationDto, nullable: true, description: 'Yearly indexing of the line, if any.' };

export class FixedLineDto extends LineDto implements FixedLine {
  @ApiProperty({ enum: ['fixed'], description: 'A fixed amount per calendar year of the period.', example: 'fixed' })
  @IsIn(['fixed'])
  kind!: 'fixed';

  @KronorField('The amount per year.', '472200.00')
  amountPerYear!: Ore;

  @ApiPropertyOptional(INDEXATION_DOC)
  @IsOptional()
  @IsNested(() => IndexationDto)
  indexation: IndexationDto | null = null;
}

export class InhabitantsDto implements Inhabitants {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The inhabitants of the municipality on that date.', example: 6_784 })
  @IsInt()
  count!: number;

  @DateField('The date the figure is of, as the agreement states it (SCB counts on 1 November).', '2017-11-01')
  asOf!: IsoDate;
}

export class PerInhabitantLineDto extends LineDto implements PerInhabitantLine {
  @ApiProperty({ enum: ['perInhabitant'], description: 'An amount per inhabitant of the municipality and year.', example: 'perInhabitant' })
  @IsIn(['perInhabitant'])
  kind!: 'perInhabitant';

  @KronorField('The amount per inhabitant and year.', '3.00')
  ratePerInhabitant!: Ore;

  @NestedField(() => InhabitantsDto, 'The inhabitant figure of a stated date the amount is computed from.')
  inhabitants!: InhabitantsDto;

  @ApiPropertyOptional(INDEXATION_DOC)
  @IsOptional()
  @IsNested(() => IndexationDto)
  indexation: IndexationDto | null = null;
}

export class OwnContributionLineDto extends LineDto implements OwnContributionLine {
  @ApiProperty({
    enum: ['ownContribution'],
    description: "The organisation's own contribution (volunteer work): valued, part of what the agreement is worth, not paid by the municipality.",
    example: 'ownContribution',
  })
  @IsIn(['ownContribution'])
  kind!: 'ownContribution';

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Volunteer hours per year.', example: 1_500 })
  @IsOptional()
  @IsInt()
  hours: number | null = null;

  @OptionalKronorField('The value of one hour; with `hours`, the contribution is hours × this value. Null when the value is stated.', '227.54')
  hourlyValue: Ore | null = null;

  @OptionalKronorField("The contribution's value per year as the agreement states it; null when it is hours × an hourly value.", '341314.00')
  statedValue: Ore | null = null;
}

/** What class-transformer builds for an unknown `kind`: it refuses the kind, and so the line. */
class UnknownLineDto {
  @IsIn(FUNDING_LINE_KINDS)
  kind!: string;
}

const lineTypes = [
  { name: 'fixed', value: FixedLineDto },
  { name: 'perInhabitant', value: PerInhabitantLineDto },
  { name: 'ownContribution', value: OwnContributionLineDto },
] as const;

/**
 * Each element of `fundingLines` as the class of its `kind` (or one that refuses the kind); what is
 * not an object is left for ValidateNested to refuse. Not class-transformer's own discriminator:
 * that throws on a null element.
 */
function toLines({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((element: unknown) => {
    if (typeof element !== 'object' || element === null || Array.isArray(element)) return element;
    const kind = (element as { kind?: unknown }).kind;
    return plainToInstance(lineTypes.find(({ name }) => name === kind)?.value ?? UnknownLineDto, element);
  });
}

@ApiExtraModels(FixedLineDto, PerInhabitantLineDto, OwnContributionLineDto)
export class TermsDto implements Terms {
  @ApiProperty({
    type: 'array',
    description:
      'The money of the agreement, line by line, each per calendar year of the period: fixed amounts, amounts per inhabitant, ' +
      "and the organisation's own contribution. Lines are kept apart (a föreningsbidrag is its own line).",
    items: {
      oneOf: lineTypes.map(({ value }) => ({ $ref: getSchemaPath(value) })),
      discriminator: { propertyName: 'kind', mapping: Object.fromEntries(lineTypes.map(({ name, value }) => [name, getSchemaPath(value)])) },
    },
    example: [
      { id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: '472200.00', indexation: { index: 'OPI', from: '2024-01-01' } },
      { id: 'ideell-insats', label: 'Ideell insats', kind: 'ownContribution', hours: 1_500, hourlyValue: null, statedValue: '341314.00' },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @Transform(toLines)
  @ValidateNested({ each: true })
  fundingLines!: Array<FixedLineDto | PerInhabitantLineDto | OwnContributionLineDto>;

  @NestedField(() => DateRangeDto, 'The agreement period.')
  period!: DateRangeDto;

  @IntegerField('Months from written notice until it takes effect.', 6)
  noticeMonths!: number;

  @ApiProperty({ enum: [...PAYMENT_SCHEDULES], description: 'When the funding is paid.', example: 'yearly-in-january' })
  @IsIn(PAYMENT_SCHEDULES)
  paymentSchedule!: PaymentSchedule;

  @ApiProperty({
    type: [String],
    description: "Parts of the organisation's work the agreement does not cover.",
    example: ['Det skyddade boendets verksamhet'],
  })
  @IsArray()
  @IsText({ each: true })
  exclusions!: string[];
}

const RECEIPT_CHANNEL_DOC = {
  enum: [...RECEIPT_CHANNELS],
  description: 'How the document came in: `paper` (by post or by hand) or `email`.',
  example: 'paper',
};

/**
 * The organisation's signature, notice or withdrawal as received on paper or by e-mail: a
 * registrator or handläggare records it for the organisation (they are the event's actor).
 */
export class ReceiptDto implements ReceiptPayload {
  @ApiProperty(RECEIPT_CHANNEL_DOC)
  @IsIn(RECEIPT_CHANNELS)
  channel!: ReceiptChannel;

  @DateField('The day the municipality received the document.', '2023-10-13')
  receivedOn!: IsoDate;
}

/** The receipt as the case records it: as given, for whom. */
export class RecordedReceiptDto implements Receipt {
  @ApiProperty(RECEIPT_CHANNEL_DOC)
  channel!: ReceiptChannel;

  @ApiProperty({ type: String, format: 'date', description: 'The day the municipality received the document.', example: '2023-10-13' })
  receivedOn!: IsoDate;

  @ApiProperty({ enum: ['organisation'], description: 'The party the official recorded it for: the organisation, which sent it.', example: 'organisation' })
  onBehalfOf!: 'organisation';
}

/** The optional `receipt` of sign, give-notice and withdraw; `note` adds what is particular to one of them. */
export const ReceiptField = (what: string, note = '') =>
  applyDecorators(
    ApiPropertyOptional({
      type: () => ReceiptDto,
      nullable: true,
      description:
        `When a registrator or handläggare records ${what}, sent on paper or by e-mail: how and when it came in. ` +
        `Leave it out when the organisation acts itself; an official must give it.${note}`,
    }),
    IsOptional(),
    IsNested(() => ReceiptDto),
  );
