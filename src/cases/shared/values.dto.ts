import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { TypeHelpOptions } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import {
  BODY_KINDS,
  FUNDING_KINDS,
  PARTY_ROLES,
  PAYMENT_SCHEDULES,
  RECEIPT_CHANNELS,
  type BodyKind,
  type DateRange,
  type DecidingBody,
  type FixedFunding,
  type Indexation,
  type IsoDate,
  type Officer,
  type Party,
  type PaymentSchedule,
  type PerInhabitantFunding,
  type Person,
  type Receipt,
  type ReceiptChannel,
  type ReceiptPayload,
  type Terms,
  type VolunteerContribution,
} from '../../lifecycle';
import { BODY_CODE, DateField, IntegerField, IsBodyCode, IsNested, IsOrganisationNumber, IsText, NestedField, TextField } from './validation';

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

export class FixedFundingDto implements FixedFunding {
  @ApiProperty({ enum: ['fixed'], description: 'A fixed amount per year.', example: 'fixed' })
  @IsIn(['fixed'])
  kind!: 'fixed';

  @IntegerField('Whole kronor per year.', 472_200)
  amountPerYear!: number;
}

export class PerInhabitantFundingDto implements PerInhabitantFunding {
  @ApiProperty({ enum: ['perInhabitant'], description: 'Kronor per inhabitant of the municipality.', example: 'perInhabitant' })
  @IsIn(['perInhabitant'])
  kind!: 'perInhabitant';

  @IntegerField('Whole kronor per inhabitant and year.', 3)
  amountPerInhabitant!: number;

  @IntegerField('The population the amount is computed from.', 6_784)
  inhabitants!: number;
}

/** What class-transformer builds for an unknown `kind`: it refuses the kind, and so the funding. */
class UnknownFundingDto {
  @IsIn(FUNDING_KINDS)
  kind!: string;
}

export class VolunteerContributionDto implements VolunteerContribution {
  @IntegerField('Volunteer hours per year.', 1_500)
  hours!: number;

  @IntegerField('The hours valued in whole kronor.', 341_314)
  valueKr!: number;
}

export class IndexationDto implements Indexation {
  @TextField('The index the amount follows.', 'OPI')
  index!: string;

  @DateField('The first day indexing applies.', '2024-01-01')
  from!: IsoDate;
}

const fundingTypes = [
  { name: 'fixed', value: FixedFundingDto },
  { name: 'perInhabitant', value: PerInhabitantFundingDto },
] as const;

/**
 * The funding's class by its `kind`, or one that refuses the kind. Not class-transformer's own
 * discriminator: that reads `kind` of each element of an array sent instead, and throws on a null one.
 */
function fundingType(options?: TypeHelpOptions): typeof UnknownFundingDto | (typeof fundingTypes)[number]['value'] {
  const value: unknown = options?.object[options.property];
  const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
  return fundingTypes.find(({ name }) => name === kind)?.value ?? UnknownFundingDto;
}

@ApiExtraModels(FixedFundingDto, PerInhabitantFundingDto)
export class TermsDto implements Terms {
  @ApiProperty({
    description: 'The public funding: a fixed amount per year, or an amount per inhabitant.',
    oneOf: fundingTypes.map(({ value }) => ({ $ref: getSchemaPath(value) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(fundingTypes.map(({ name, value }) => [name, getSchemaPath(value)])),
    },
    example: { kind: 'perInhabitant', amountPerInhabitant: 3, inhabitants: 6_784 },
  })
  @IsNested(fundingType)
  funding!: FixedFundingDto | PerInhabitantFundingDto;

  @ApiPropertyOptional({
    type: () => VolunteerContributionDto,
    nullable: true,
    description: "The organisation's own contribution in volunteer work, when the agreement states it.",
  })
  @IsOptional()
  @IsNested(() => VolunteerContributionDto)
  volunteerContribution: VolunteerContributionDto | null = null;

  @NestedField(() => DateRangeDto, 'The agreement period.')
  period!: DateRangeDto;

  @IntegerField('Months from written notice until it takes effect.', 6)
  noticeMonths!: number;

  @ApiProperty({ enum: [...PAYMENT_SCHEDULES], description: 'When the funding is paid.', example: 'yearly-in-january' })
  @IsIn(PAYMENT_SCHEDULES)
  paymentSchedule!: PaymentSchedule;

  @ApiPropertyOptional({ type: () => IndexationDto, nullable: true, description: 'Yearly indexing of the amount, if any.' })
  @IsOptional()
  @IsNested(() => IndexationDto)
  indexation: IndexationDto | null = null;

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
