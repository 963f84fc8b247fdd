import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnchorVerdictDto } from '../anchor/anchor.dto';
import type { CaseVerdict } from './case-verdict';
import type { KindSummary, StreamVerdict, VerifyAllResult } from './record-verifier';
import { STREAM_KINDS, type StreamKind, type StreamProblem } from './stream-kinds';

export class ProblemDto {
  @ApiProperty({ example: '4', description: 'The first revision that does not verify.' })
  revision!: string;

  @ApiProperty({ example: 'stored hash does not match the event or its predecessor' })
  what!: string;
}

export class StreamProblemDto extends ProblemDto implements StreamProblem {
  @ApiPropertyOptional({ type: [String], description: 'The cases the finding concerns, e.g. both cases a diarienummer was given to.' })
  cases?: string[];
}

export class StreamVerdictDto implements StreamVerdict {
  @ApiProperty({ example: 'osteraker' })
  tenant!: string;

  @ApiProperty({ example: 'diarium-SN-2023', description: 'The stream, as the store names it.' })
  stream!: string;

  @ApiProperty({
    enum: STREAM_KINDS,
    description:
      "What the stream holds: a case, a diarium series, the erasure record, a tenant's reference data, or a kind this version does not fold (its chain and head are still verified).",
  })
  kind!: StreamKind;

  @ApiProperty({ example: 3 })
  events!: number;

  @ApiProperty({ type: () => StreamProblemDto })
  problem!: StreamProblemDto;
}

export class KindSummaryDto implements KindSummary {
  @ApiProperty({ enum: STREAM_KINDS })
  kind!: StreamKind;

  @ApiProperty({ example: 2, description: 'Streams of this kind verified.' })
  streams!: number;

  @ApiProperty({ example: 14, description: 'Their events.' })
  events!: number;

  @ApiProperty({ type: () => [StreamVerdictDto], description: 'The streams of this kind that do not verify, each with its first bad revision.' })
  broken!: StreamVerdictDto[];
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
  @ApiProperty({ description: 'True when every stream of every kind and the global anchor verify.' })
  intact!: boolean;

  @ApiProperty({ example: 4, description: 'Case streams verified.' })
  cases!: number;

  @ApiProperty({ example: 52, description: 'Events verified, in streams of every kind.' })
  events!: number;

  @ApiProperty({ type: () => [CaseVerdictDto], description: 'The cases that do not verify, each with its first bad event (they are among `kinds` too).' })
  broken!: CaseVerdictDto[];

  @ApiProperty({
    type: () => [KindSummaryDto],
    description: 'Per kind of stream found in the store (case, diarium, erasure, other): how many streams and events were verified, and the broken ones.',
  })
  kinds!: KindSummaryDto[];

  @ApiPropertyOptional({
    type: () => AnchorVerdictDto,
    description: 'The global anchor: nothing deleted or rewound since it was taken. Absent on pages after the first.',
  })
  anchors?: AnchorVerdictDto;

  @ApiPropertyOptional({ example: 'linkoping/case-…', description: 'With a limit: pass as `after` for the next page; absent when there are no more.' })
  next?: string;
}
