import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-store';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: '`failed`: parked after the last attempt, waiting for a retry.' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class NotificationDeadlineDto {
  @ApiProperty({ example: 'last-day-to-give-notice' })
  kind!: string;

  @ApiProperty({ example: 'last-day-to-give-notice' })
  key!: string;

  @ApiProperty({ format: 'date', example: '2025-06-30' })
  date!: string;
}

/** One delivery of a notification: to one address on one channel. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid', description: 'Also the webhook-id a subscriber deduplicates by.' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The outbox intent (timer firing) it came from.' })
  intentId!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2022/01692' })
  diarienummer!: string | null;

  @ApiProperty({ example: 'Brottsofferjouren Linköping' })
  organisation!: string;

  @ApiProperty({ type: NotificationDeadlineDto })
  deadline!: NotificationDeadlineDto;

  @ApiProperty({ enum: ['reminder', 'due', 'acted'] })
  occasion!: string;

  @ApiProperty({ enum: ['officer', 'manager', 'boardSecretary', 'organisationContact'] })
  recipient!: string;

  @ApiProperty({ type: 'integer', description: 'Escalation rung: 0 the first recipient, 1 the next on the ladder, …' })
  rung!: number;

  @ApiProperty({ enum: ['email', 'webhook', 'none'], description: '`none`: skipped, see skipReason.' })
  channel!: string;

  @ApiProperty({ example: 'john.fristedt@linkoping.se', description: 'Email address or webhook URL.' })
  address!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  skipReason!: string | null;

  @ApiProperty({ type: 'integer' })
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who acknowledged (user id).' })
  acknowledgedBy!: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];
}

export const MAX_BULK_RETRY = 500;

export class BulkRetryDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_BULK_RETRY,
    description: 'The deliveries to retry. Left out: every failed delivery of the tenant.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_BULK_RETRY)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ default: false, description: 'Change nothing; answer what a retry would do to each.' })
  @IsOptional()
  @IsBoolean()
  dryRun: boolean = false;
}

export class BulkRetryItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: ['retried', 'would-retry', 'not-failed', 'not-found'],
    description: "`would-retry`: the dry run's answer for a failed delivery; `not-failed`: it is not parked, so a retry leaves it.",
  })
  outcome!: string;

  @ApiProperty({ type: () => NotificationDto, nullable: true, description: 'The delivery as it was before (null: not found).' })
  notification!: NotificationDto | null;
}

export class BulkRetryResultDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ type: () => [BulkRetryItemDto] })
  items!: BulkRetryItemDto[];
}
