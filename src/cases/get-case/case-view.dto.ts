import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { COMMAND_TYPES, type CommandType } from '../../lifecycle';
import { CaseStateDto } from '../shared/case-result.dto';
import type { CaseState } from '../shared/case-view';
import { CaseFactsDto, type ApiFacts } from './case-facts.dto';
import { CaseMoneyDto, type CaseMoneyView } from './case-money.dto';

export interface CaseView {
  readonly id: string;
  readonly tenant: string;
  readonly diarienummer: string | null;
  readonly state: CaseState;
  readonly facts: ApiFacts;
  readonly money: CaseMoneyView;
  readonly allowedCommands: CommandType[];
  readonly revision: string;
  readonly machine: { readonly id: string; readonly version: number };
}

export class MachineDto {
  @ApiProperty({ example: 'iopCase' })
  id!: string;

  @ApiProperty({ example: 1, description: 'The lifecycle version the case lives under; its events replay under it.' })
  version!: number;
}

export class CaseViewDto implements CaseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'osteraker', description: 'The municipality.' })
  tenant!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2023/01692' })
  diarienummer!: string | null;

  @ApiProperty({ type: () => CaseStateDto })
  state!: CaseStateDto;

  @ApiProperty({ type: () => CaseFactsDto, description: 'What is known about the case: parties, terms, decisions, signatures, payments, …' })
  facts!: CaseFactsDto;

  @ApiProperty({
    type: () => CaseMoneyDto,
    description: 'The payment plan, what was paid against it, and the refund on termination, each amount with its arithmetic.',
  })
  money!: CaseMoneyDto;

  @ApiProperty({
    enum: COMMAND_TYPES,
    isArray: true,
    description: "The commands this caller may give now (the lifecycle and the caller's roles both allow them).",
  })
  allowedCommands!: CommandType[];

  @ApiProperty({ example: '7', description: 'The revision; also in the ETag header. Send it as If-Match with the next command.' })
  revision!: string;

  @ApiProperty({ type: () => MachineDto })
  machine!: MachineDto;
}

/** Time travel: `GET /cases/:id?asOf=…` or `?revision=…` (or both: whichever is earlier). */
export class PointInTimeQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2023-09-06T00:00:00Z', description: 'The case as it was at this moment.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 7, description: 'The case as it was right after this revision.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}
