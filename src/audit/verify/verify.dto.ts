import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnchorVerdictDto } from '../anchor/anchor.dto';
import type { CaseVerdict, VerifyAllResult } from './case-verifier';

export class ProblemDto {
  @ApiProperty({ example: '4', description: 'The first revision that does not verify.' })
  revision!: string;

  @ApiProperty({ example: 'stored hash does not match the event or its predecessor' })
  what!: string;
}

export class CaseVerdictDto implements CaseVerdict {
  @ApiProperty({ example: 'osteraker' })
  tenant!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: 'True when every hash, the head and every transition verify.' })
  intact!: boolean;

  @ApiProperty({ example: 12 })
  events!: number;

  @ApiPropertyOptional({ type: () => ProblemDto })
  problem?: ProblemDto;
}

export class VerifyAllDto implements Omit<VerifyAllResult, 'next'> {
  @ApiProperty({ description: 'True when every case and the global anchor verify.' })
  intact!: boolean;

  @ApiProperty({ example: 4, description: 'Cases verified.' })
  cases!: number;

  @ApiProperty({ example: 48, description: 'Events verified.' })
  events!: number;

  @ApiProperty({ type: () => [CaseVerdictDto], description: 'The cases that do not verify, each with its first bad event.' })
  broken!: CaseVerdictDto[];

  @ApiPropertyOptional({ type: () => AnchorVerdictDto, description: 'The global anchor: nothing deleted or rewound since it was taken. Absent on pages after the first.' })
  anchors?: AnchorVerdictDto;

  @ApiPropertyOptional({ example: 'linkoping/case-…', description: 'With a limit: pass as `after` for the next page; absent when there are no more.' })
  next?: string;
}
