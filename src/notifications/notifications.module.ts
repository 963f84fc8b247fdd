import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { LOGGER } from '../logging/logger';
import { DEMO_NOTIFICATION_DIRECTORY } from './demo-directory';
import { Clock, SystemClock } from '../shared/clock';
import { EmailChannel } from './channels/email-channel';
import { WebhookChannel } from './channels/webhook-channel';
import { DeliveryStore } from './delivery-store';
import { DeliveryWorker } from './delivery-worker';
import { Escalator } from './escalation';
import { EscalationLadder } from './escalation-ladder';
import { NotificationDirectory } from './notification-directory';
import { NotificationDispatcher, RecipientResolver } from './notification-dispatcher';
import { NotificationOutbox } from './notification-outbox.port';
import { NotificationsController } from './notifications.controller';
import { CasesModule } from '../cases/cases.module';
import { CaseContactLookup } from './case-contact-lookup';
import { OrganisationContactLookup } from './organisation-contact.port';
import { OUTBOX_CHANNEL, OutboxWake, PostgresNotificationOutbox } from './postgres-notification-outbox';

/** Everything between the outbox and the receiver: the parts, wired from the configuration. */
export function notificationParts(
  config: AppConfig,
  database: Pick<Database, 'pool' | 'connection'>,
  clock: Clock,
  logger: Logger,
  contacts: OrganisationContactLookup,
) {
  const directory = config.NOTIFICATION_DIRECTORY_FILE
    ? NotificationDirectory.fromFile(config.NOTIFICATION_DIRECTORY_FILE)
    : new NotificationDirectory(DEMO_NOTIFICATION_DIRECTORY);
  const ladder = EscalationLadder.parse(config.NOTIFY_ESCALATION_DAYS);
  const resolver = new RecipientResolver(directory);
  const policy = { maxAttempts: config.NOTIFY_MAX_ATTEMPTS, backoffBaseMs: config.NOTIFY_BACKOFF_BASE_MS, leaseMs: config.NOTIFY_LEASE_MS };
  const wake = new OutboxWake(database, OUTBOX_CHANNEL);
  const store = new DeliveryStore(database.pool, clock, policy, ladder, wake);
  const email = new EmailChannel(config, contacts);
  const worker = new DeliveryWorker({
    wake,
    dispatcher: new NotificationDispatcher(database.pool, resolver, ladder, clock),
    escalator: new Escalator(database.pool, resolver, ladder, clock),
    store,
    // Signature timestamps are checked against the subscriber's clock: wall-clock time, whatever clock the engine runs on.
    channels: { email, webhook: new WebhookChannel(directory, config.PUBLIC_BASE_URL, new SystemClock()) },
    clock,
    logger: logger.child({ component: 'notifications' }),
  });
  return { store, worker, email, outbox: new PostgresNotificationOutbox(wake) };
}

type NotificationParts = ReturnType<typeof notificationParts>;
const PARTS = Symbol('notification parts');

/** Runs the delivery worker in this instance unless NOTIFY_WORKER=false; on shutdown, sends in flight finish first. */
@Injectable()
class DeliveryWorkerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(PARTS) private readonly parts: NotificationParts,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NOTIFY_WORKER) this.parts.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.parts.worker.stop();
    this.parts.email.close();
  }
}

@Module({
  imports: [CasesModule],
  controllers: [NotificationsController],
  providers: [
    { provide: OrganisationContactLookup, useClass: CaseContactLookup },
    {
      provide: PARTS,
      inject: [AppConfig, Database, Clock, LOGGER, OrganisationContactLookup],
      useFactory: notificationParts,
    },
    { provide: DeliveryStore, inject: [PARTS], useFactory: (parts: NotificationParts) => parts.store },
    { provide: NotificationOutbox, inject: [PARTS], useFactory: (parts: NotificationParts) => parts.outbox },
    DeliveryWorkerLifecycle,
  ],
  exports: [NotificationOutbox, DeliveryStore, PARTS],
})
export class NotificationsModule {}

export { PARTS as NOTIFICATION_PARTS };
