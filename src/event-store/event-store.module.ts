import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { Clock } from '../shared/clock';
import { CheckpointStore } from './checkpoint-store.port';
import { EVENT_STORE_DECORATOR, type EventStoreDecorator } from './event-store-decorator';
import { EventStore } from './event-store.port';
import { PostgresCheckpointStore } from './postgres/postgres-checkpoint-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

@Global()
@Module({
  providers: [
    {
      provide: EventStore,
      inject: [Database, Clock, AppConfig, { token: EVENT_STORE_DECORATOR, optional: true }],
      useFactory: (db: Database, clock: Clock, config: AppConfig, decorate?: EventStoreDecorator) => {
        const store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock, pollIntervalMs: config.SUBSCRIPTION_POLL_INTERVAL_MS });
        return decorate ? decorate(store) : store;
      },
    },
    { provide: CheckpointStore, inject: [Database], useFactory: (db: Database) => new PostgresCheckpointStore(db.pool) },
  ],
  exports: [EventStore, CheckpointStore],
})
export class EventStoreModule implements OnModuleDestroy {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
