import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnchorVerdictDto } from '../anchor/anchor.dto';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lifecycle';
import type { CaseVerdict, DocumentFinding } from './case-verdict';
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

export class DocumentFindingDto implements DocumentFinding {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'The document that does not regenerate to the hash its event recorded.' })
  kind!: DocumentKind;

  @ApiProperty({ example: '12', description: 'The event that issued it (sent, signed, published).' })
  revision!: string;

  @ApiProperty({ example: 'AgreementSigned' })
  event!: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'The sha256 the event recorded.' })
  recordedSha256!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
    description: "The sha256 of the document regenerated from the events up to the event's own; null when this build has not the template version recorded.",
  })
  regeneratedSha256!: string | null;
}

export class CaseVerdictDto implements CaseVerdict {
  @ApiProperty({ example: 'osteraker' })
  tenant!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: 'True when every hash, the head, every transition and every issued document verify.' })
  intact!: boolean;

  @ApiProperty({ example: 12 })
  events!: number;

  @ApiPropertyOptional({ type: () => ProblemDto })
  problem?: ProblemDto;

  @ApiPropertyOptional({
    type: () => [DocumentFindingDto],
    description:
      'Documents the events issued (kvittens, tjänsteutlåtande, protokollsutdrag, överenskommelse, återrapport) that differ from the document regenerated from the events before them: a tampered event they depend on names them here, whatever the first problem.',
  })
  documents?: DocumentFindingDto[];
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
