import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { CASE_MACHINE_ID } from '../../lifecycle';

export class MigrationPreviewQueryDto {
  @ApiPropertyOptional({ default: CASE_MACHINE_ID, description: 'The candidate machine, as registered in this build.' })
  @IsOptional()
  @IsString()
  machine: string = CASE_MACHINE_ID;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The candidate version of that machine.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class RefusedAtDto {
  @ApiProperty({ example: 7 })
  revision!: number;

  @ApiProperty({ example: 'DecisionRecorded' })
  eventType!: string;

  @ApiProperty({ example: 'the candidate machine does not accept DecisionRecorded in decision.pending.scheduled' })
  why!: string;
}

export class CasePreviewDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2023/01692' })
  diarienummer!: string | null;

  @ApiProperty({
    enum: ['same', 'diverges', 'stuck', 'refused'],
    description: '`same` end state; `diverges` to another state; `stuck` with no way to an end; `refused` at an event the candidate does not accept.',
  })
  outcome!: string;

  @ApiProperty({ type: [String], description: 'Active states now.' })
  now!: string[];

  @ApiProperty({ type: [String], description: 'Active states after replaying under the candidate (up to a refused event).' })
  candidate!: string[];

  @ApiPropertyOptional({ type: () => RefusedAtDto })
  refused?: RefusedAtDto;
}

export class MigrationPreviewSummaryDto {
  @ApiProperty()
  live!: number;

  @ApiProperty({ description: 'Closed cases, which stay under their machine and are not previewed.' })
  closed!: number;

  @ApiProperty()
  same!: number;

  @ApiProperty()
  diverges!: number;

  @ApiProperty()
  stuck!: number;

  @ApiProperty()
  refused!: number;
}

export class MigrationPreviewDto {
  @ApiProperty({ example: 'iopCase' })
  machine!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ type: () => MigrationPreviewSummaryDto })
  summary!: MigrationPreviewSummaryDto;

  @ApiProperty({ type: () => [CasePreviewDto], description: "The tenant's live cases." })
  cases!: CasePreviewDto[];
}
