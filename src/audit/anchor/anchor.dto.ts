import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsHexadecimal, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import type { Anchor, AnchorProblem, AnchorVerdict } from './anchors';

export class AnchorDto implements Anchor {
  @ApiProperty({ example: '42' })
  sequence!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: 17, description: 'Stream heads recorded in this anchor (those changed since the one before).' })
  streams!: number;

  @ApiProperty({ example: '3f0a…', description: 'Keep the latest of these outside the system: it proves later that nothing was rewound.' })
  hash!: string;
}

export class AnchorProblemDto implements AnchorProblem {
  @ApiPropertyOptional({ example: 'linkoping', description: "The tenant whose stream it is; absent for the anchor chain's own problems." })
  tenant?: string;

  @ApiProperty({ example: 'linkoping/case-…: anchored revision 4 is gone (stream deleted or cut back)' })
  what!: string;
}

export class AnchorVerdictDto implements AnchorVerdict {
  @ApiProperty()
  intact!: boolean;

  @ApiProperty({ example: 12 })
  anchors!: number;

  @ApiPropertyOptional({ type: () => AnchorDto })
  latest?: AnchorDto;

  @ApiProperty({ type: () => [AnchorProblemDto], description: 'What does not verify: a broken anchor, a deleted or rewritten stream, a missing kept anchor.' })
  problems!: AnchorProblemDto[];
}

export class CreatedAnchorDto {
  @ApiProperty({ type: () => AnchorDto, nullable: true, description: 'Null when no stream changed since the last anchor.' })
  anchor!: AnchorDto | null;
}

export class VerifyRequestDto {
  @ApiPropertyOptional({ description: 'The latest anchor hash the auditor kept outside the system.', example: '3f0a…' })
  @IsOptional()
  @IsHexadecimal()
  @Length(64, 64)
  anchor?: string;

  @ApiPropertyOptional({
    description: 'Verify only this many case streams (a page), for progress over a large record.',
    minimum: 1,
    maximum: 5000,
    example: 500,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({
    description: "Go on after this case stream: the previous page's `next`. The anchor is verified on the first page only.",
    example: 'linkoping/case-…',
  })
  @IsOptional()
  @Matches(/^[^/\s]+\/[^/\s]+$/)
  after?: string;
}
