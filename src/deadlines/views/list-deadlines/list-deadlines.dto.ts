import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BooleanQuery } from '../../../cases/shared/validation';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineKind, type DeadlineStatus } from '../..';
import { DEADLINE_STATUS_DOC, DeadlineDto } from '../get-case-deadlines/case-deadlines.dto';
import { MAX_OFFSET } from '../../../cases/shared/validation';

/** The longest range one request may ask for: three years, a leap day included. */
export const MAX_RANGE_DAYS = 1096;

/** GET /deadlines: a date range (checked by the handler: INVALID_DATE_RANGE) and optional filters. */
export class ListDeadlinesQueryDto {
  @ApiPropertyOptional({ format: 'date', example: '2025-01-01', description: 'First day (inclusive). Default: today in Stockholm.' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-12-31',
    description: `Last day (inclusive). Default: 90 days after \`from\`. At most ${MAX_RANGE_DAYS} days after \`from\`.`,
  })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES, description: `Only deadlines of this status. ${DEADLINE_STATUS_DOC}` })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES)
  status?: DeadlineStatus;

  @ApiPropertyOptional({ description: 'Only the deadlines of the cases the caller is the officer of.' })
  @BooleanQuery()
  mine?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 200, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 200;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

export class CaseDeadlineDto extends DeadlineDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'SON 2019-536' })
  diarienummer!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Brottsofferjouren i Linköping' })
  organisationName!: string | null;
}

export class DeadlineListDto {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ format: 'date', description: 'Today in Stockholm: what the statuses are relative to.' })
  today!: string;

  @ApiProperty({ type: () => [CaseDeadlineDto], description: 'By date, then case. Kept by a projection: a command shows here within moments.' })
  items!: CaseDeadlineDto[];

  @ApiProperty({ description: 'All deadlines matching, across pages.' })
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
