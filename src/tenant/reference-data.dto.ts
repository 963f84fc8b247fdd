import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BODY_KINDS, type BodyKind, type IsoDate } from '../lifecycle';
import { INDEX_VALUE_STATUSES, type IndexValueStatus } from '../money';
import { PERCENT_FORM, PERCENT_PATTERN } from '../money/percent-format';
import { DIARIUM_SEPARATORS, MAX_DIARIUM_DIGITS } from '../reference-data/reference-data';
import { DateField, IntegerField, IsNested, IsOrganisationNumber, TextField } from '../cases/shared/validation';
import { ORGANISATION_NUMBER_DOC } from '../cases/shared/values.dto';
import { BodyDto } from './municipality.dto';

/** Requests and answers of /reference-data: a municipality's own data, kept by its administrators. */

const BODY_KIND_DOC = {
  enum: [...BODY_KINDS],
  description: 'committee (utskott: only recommends), board (nämnd, kommunstyrelsen) or council (kommunfullmäktige).',
  example: 'board',
};
const INDEX_STATUS_DOC = {
  enum: [...INDEX_VALUE_STATUSES],
  description: 'forecast (prognos) until the publisher makes it final (utfall).',
  example: 'forecast',
};

export class MunicipalityInputDto {
  @TextField("The municipality's name as a party to its agreements.", 'Vallentuna kommun')
  name!: string;

  @ApiProperty({ ...ORGANISATION_NUMBER_DOC, example: '212000-0068', description: "The municipality's organisationsnummer (Luhn check digit)." })
  @IsOrganisationNumber()
  organisationNumber!: string;
}

export class DiariumSeriesDto {
  @ApiProperty({ enum: [...DIARIUM_SEPARATORS], description: 'Between the year and the number: `KS 2023/01692`, `SON 2019-536`.', example: '/' })
  @IsIn(DIARIUM_SEPARATORS)
  separator!: '/' | '-';

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_DIARIUM_DIGITS,
    description: 'Zero-padding of the running number (5: 00001); 0 for none.',
    example: 5,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_DIARIUM_DIGITS)
  digits!: number;
}

export class BodyInputDto {
  @TextField("The body's name.", 'Kommunstyrelsen')
  name!: string;

  @ApiProperty(BODY_KIND_DOC)
  @IsIn(BODY_KINDS)
  kind!: BodyKind;

  @ApiPropertyOptional({
    type: () => DiariumSeriesDto,
    nullable: true,
    description: 'How its diarium numbers the cases it registers; null (or left out) for a body that registers none. A committee (utskott) keeps none.',
  })
  @IsOptional()
  @IsNested(() => DiariumSeriesDto)
  diarium: DiariumSeriesDto | null = null;
}

export class InhabitantsInputDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Inhabitants of the municipality (SCB).', example: 34_312 })
  @IsInt()
  @Min(1)
  count!: number;

  @DateField('The date the count is from, e.g. 1 November of the year before.', '2023-11-01')
  asOf!: IsoDate;
}

export class IndexSeriesInputDto {
  @TextField("The series' name.", 'Omsorgsprisindex (SKR)')
  name!: string;
}

export class IndexValueInputDto {
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2200, description: 'The year the value is for.', example: 2025 })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year!: number;

  @ApiProperty({ ...PERCENT_FORM, description: `The change for the year. ${PERCENT_FORM.description}` })
  @Matches(PERCENT_PATTERN, { message: 'percent must be a string of digits with at most two decimals, e.g. "3.60"' })
  percent!: string;

  @ApiProperty(INDEX_STATUS_DOC)
  @IsIn(INDEX_VALUE_STATUSES)
  status!: IndexValueStatus;

  @DateField('The day the publisher published this value.', '2024-12-12')
  publishedOn!: IsoDate;
}

/** Answers. */

export class MunicipalityIdentityDto {
  @ApiProperty({ example: 'Vallentuna kommun' })
  name!: string;

  @ApiProperty({ example: '212000-0068' })
  organisationNumber!: string;
}

/** A body as reference data holds it: what forms see of it (GET /municipality), and its diarium series. */
export class ReferenceBodyDto extends BodyDto {
  @ApiProperty({ type: () => DiariumSeriesDto, nullable: true, description: 'Its diarium series; null when it registers no cases.' })
  diarium!: DiariumSeriesDto | null;

  @ApiProperty({ type: String, nullable: true, description: "What the series' first number of this year looks like.", example: 'KS 2026/00001' })
  example!: string | null;
}

export class InhabitantFigureDto {
  @IntegerField('The year the figure is for.', 2024)
  year!: number;

  @IntegerField('Inhabitants.', 34_312)
  count!: number;

  @ApiProperty({ type: String, format: 'date', example: '2023-11-01' })
  asOf!: IsoDate;
}

export class IndexValueDto {
  @IntegerField('The year the value is for.', 2025)
  year!: number;

  @ApiProperty({ ...PERCENT_FORM, description: 'The change, always with two decimals.' })
  percent!: string;

  @IntegerField('The same in basis points (hundredths of a percent): how the engine computes with it.', 360)
  basisPoints!: number;

  @ApiProperty(INDEX_STATUS_DOC)
  status!: IndexValueStatus;

  @ApiProperty({ type: String, format: 'date', example: '2024-12-12' })
  publishedOn!: IsoDate;

  @IntegerField("1 for the year's first value, +1 for each revision.", 1)
  version!: number;

  @ApiProperty({ description: "Whether this is the year's newest version, the one agreements use; earlier versions are history." })
  current!: boolean;
}

export class IndexSeriesDto {
  @ApiProperty({ example: 'OPI' })
  code!: string;

  @ApiProperty({ example: 'Omsorgsprisindex (SKR)' })
  name!: string;

  @ApiProperty({ type: () => [IndexValueDto], description: 'Every version of every year, by year, oldest version first.' })
  values!: IndexValueDto[];
}

export class ReferenceDataDto {
  @ApiProperty({ example: 'vallentuna' })
  tenant!: string;

  @ApiProperty({ description: 'The revision of the reference data (also its ETag): send it as If-Match to change what you saw.', example: '7' })
  revision!: string;

  @ApiProperty({ type: () => MunicipalityIdentityDto, nullable: true, description: 'The municipality as a party; null until set.' })
  municipality!: MunicipalityIdentityDto | null;

  @ApiProperty({ type: () => [ReferenceBodyDto] })
  bodies!: ReferenceBodyDto[];

  @ApiProperty({ type: () => [InhabitantFigureDto], description: 'By year.' })
  inhabitants!: InhabitantFigureDto[];

  @ApiProperty({ type: () => [IndexSeriesDto] })
  indexSeries!: IndexSeriesDto[];
}
