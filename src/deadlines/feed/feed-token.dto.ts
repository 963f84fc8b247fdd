import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Omittable } from '../../cases/shared/validation';
import { FEED_SCOPES, type FeedScope } from './feed-tokens';

export class CreateFeedTokenDto {
  @ApiPropertyOptional({
    enum: FEED_SCOPES,
    default: 'tenant',
    description: "`tenant`: all the municipality's cases; `mine`: the cases you handle as officer.",
  })
  @Omittable()
  @IsIn(FEED_SCOPES)
  scope: FeedScope = 'tenant';
}

export class FeedTokenDto {
  @ApiProperty({ format: 'uuid', description: 'Revoke with DELETE /deadlines/feed-tokens/{id}.' })
  id!: string;

  @ApiProperty({ example: 'iopfeed_Xq3…', description: 'Shown this once; only its hash is stored.' })
  token!: string;

  @ApiProperty({ enum: FEED_SCOPES })
  scope!: FeedScope;

  @ApiProperty({ example: 'http://localhost:3000/deadlines.ics?token=iopfeed_Xq3…', description: 'The address to subscribe to from a calendar app.' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class RevokedFeedTokenDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was revoked (the first time, if revoked again).' })
  revokedAt!: string;
}

export class FeedTokenSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: FEED_SCOPES })
  scope!: FeedScope;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class FeedTokenListDto {
  @ApiProperty({ type: () => [FeedTokenSummaryDto], description: "The caller's tokens, newest first; the tokens themselves were shown once and are not kept." })
  items!: FeedTokenSummaryDto[];
}
