import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { NotificationError } from './notification.errors';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { RequireRoles } from '../cases/shared/require-roles';
import type { Role } from '../lifecycle';
import { DeliveryStore } from './delivery-store';
import { BulkRetryDto, BulkRetryResultDto, ListNotificationsQueryDto, MAX_BULK_RETRY, NotificationDto, NotificationListDto } from './notifications.dto';

/** Officials read notifications; auditors may read but not act. Organisation representatives see none. */
const READERS: Role[] = ['registrator', 'handlaggare', 'chef', 'namndsekreterare', 'signatory', 'auditor', 'admin'];
const ACTORS: Role[] = READERS.filter((role) => role !== 'auditor');
const ForReaders = () => RequireRoles(READERS, "Notifications are for the municipality's officials.");
const ForActors = () => RequireRoles(ACTORS, "Acting on notifications is for the municipality's officials (not auditors).");

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly store: DeliveryStore) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: "The tenant's notification deliveries, newest first: e.g. the parked ones with status=failed" })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: a filter is malformed.' })
  @ForReaders()
  async list(
    @CurrentActor() actor: Actor,
    @Query(validationPipe(ListNotificationsQueryDto, 'query')) query: ListNotificationsQueryDto,
  ): Promise<NotificationListDto> {
    return { items: await this.store.list(actor.tenant, query) };
  }

  @Post('retries')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'retryNotifications', summary: 'Retries failed (parked) notifications in bulk; with dryRun, only says what it would do' })
  @ApiOkResponse({ type: BulkRetryResultDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ForActors()
  async retryMany(@CurrentActor() actor: Actor, @Body(validationPipe(BulkRetryDto)) body: BulkRetryDto): Promise<BulkRetryResultDto> {
    const ids = body.ids?.map((id) => id.toLowerCase());
    const outcomes = await this.store.retryMany(actor.tenant, { ids, dryRun: body.dryRun, limit: MAX_BULK_RETRY });
    return { dryRun: body.dryRun, items: outcomes.map(({ id, outcome, record }) => ({ id, outcome, notification: record })) };
  }

  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'retryNotification', summary: 'Sends a failed (parked) notification again, with a fresh round of attempts' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: NotificationDto })
  @ForActors()
  @ApiResponse({ status: 404, type: ErrorDto, description: 'NOTIFICATION_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'NOTIFICATION_NOT_FAILED: only a failed notification can be retried.' })
  retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationDto> {
    return this.store.retry(actor.tenant, parseNotificationId(id));
  }

  @Post(':id/ack')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'acknowledgeNotification', summary: 'Acknowledges the reminder: it escalates no further. Acknowledging again changes nothing' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: NotificationDto })
  @ForActors()
  @ApiResponse({ status: 404, type: ErrorDto, description: 'NOTIFICATION_NOT_FOUND' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationDto> {
    return this.store.acknowledge(actor.tenant, parseNotificationId(id), actor.id);
  }
}

function parseNotificationId(id: string): string {
  if (!isUUID(id)) throw new NotificationError('NOTIFICATION_NOT_FOUND', `No notification ${id}.`);
  return id.toLowerCase();
}
