import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { EVENT_STORE_DECORATOR, type EventStoreDecorator } from '../event-store/event-store-decorator';
import { NotificationsModule } from '../notifications/notifications.module';
import { BacklogGauges } from './backlog-gauges';
import { CommandMetrics } from './command-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MeteredEventStore } from './metered-event-store';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/**
 * `/metrics` for Prometheus. Everything is measured at the edges: a middleware for HTTP, a
 * wrapper round the command bus, a decorator round the event-store port, gauges read at scrape.
 */
@Global()
@Module({
  imports: [CqrsModule, DeadlinesModule, NotificationsModule],
  controllers: [MetricsController],
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    {
      provide: EVENT_STORE_DECORATOR,
      inject: [Metrics],
      useFactory:
        (metrics: Metrics): EventStoreDecorator =>
        (store) =>
          new MeteredEventStore(store, metrics),
    },
    CommandMetrics,
    BacklogGauges,
  ],
  exports: [Metrics, EVENT_STORE_DECORATOR],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
