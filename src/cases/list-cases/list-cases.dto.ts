import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LabelDto } from '../shared/case-result.dto';
import { BooleanQuery, IsOrganisationNumber, MAX_OFFSET } from '../shared/validation';

/** An optional text filter of the query string. */
const Filter = (description: string, example: string) => applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), IsString());

/** The orders the list offers: each a column of the case list projection. */
export const CASE_SORTS = ['updated', 'diarienummer', 'organisation', 'received'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Filters and paging of GET /cases; every filter is optional and they combine with AND. */
export class ListCasesQueryDto {
  @ApiPropertyOptional({
    example: 'Umeå',
    description: 'Search: part of the diarienummer, of the organisation name or of its organisationsnummer (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @Filter('State: a machine state path or its prefix, e.g. `decision`, `active`, `signing`.', 'decision')
  state?: string;

  @ApiPropertyOptional({ example: '822004-0417', description: "The organisation's organisationsnummer." })
  @IsOptional()
  @IsOrganisationNumber()
  organisation?: string;

  @Filter('The diarienummer, exactly.', 'KS 2023/01692')
  diarienummer?: string;

  @Filter('The deciding body (code) the case is, or last was, before.', 'KS')
  body?: string;

  @Filter("The case officer's id.", 'john.fristedt')
  officer?: string;

  @ApiPropertyOptional({ description: 'Only closed (true) or only open (false) cases.' })
  @BooleanQuery()
  closed?: boolean;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: 'updated', description: 'Order by: last change, diarienummer, organisation name or date received.' })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort: CaseSort = 'updated';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2023/01692' })
  diarienummer!: string | null;

  @ApiProperty({ type: [String], example: ['decision.approved.awaitingJustering'] })
  statePaths!: string[];

  @ApiProperty({ type: () => LabelDto })
  stateLabel!: LabelDto;

  @ApiProperty()
  closed!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Brottsofferjouren Roslagen' })
  organisationName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '802477-1234' })
  organisationNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'KS' })
  bodyCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Frida Larsson' })
  officerName!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2023-05-15' })
  receivedOn!: string | null;

  @ApiProperty({ example: '12' })
  revision!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class CaseListDto {
  @ApiProperty({ type: () => [CaseSummaryDto] })
  items!: CaseSummaryDto[];

  @ApiProperty({ example: 4, description: 'All cases matching the filters, across pages.' })
  total!: number;

  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;
}
