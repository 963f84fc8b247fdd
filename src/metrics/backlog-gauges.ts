import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TimerTable } from '../deadlines/timers/timer-table';
import { EventStore, START, type Position } from '../event-store/event-store.port';
import { DeliveryStore } from '../notifications/delivery-store';
import { Subscriptions } from '../projections/subscriptions';
import { Clock } from '../shared/clock';
import { Metrics } from './metrics';

/** Lag is counted up to this many events: enough to alert on, and a scrape never reads more. */
export const LAG_COUNT_LIMIT = 1000;

/** The gauges read when Prometheus scrapes: how far each subscriber is behind, and what waits to be done. */
@Injectable()
export class BacklogGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly subscriptions: Subscriptions,
    private readonly store: EventStore,
    private readonly timers: TimerTable,
    private readonly deliveries: DeliveryStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'iop_subscription_lag_events',
      `Events in the log after a subscriber's checkpoint (counted up to ${LAG_COUNT_LIMIT}): 0 when it keeps up.`,
      ['subscription'],
      async (gauge) => {
        gauge.reset();
        for (const status of this.subscriptions.statuses()) gauge.set({ subscription: status.id }, await this.eventsAfter(status.checkpoint));
      },
    );
    this.metrics.gauge('iop_timers_due', 'Timers whose moment has come and that the scheduler has not yet fired.', [], async (gauge) =>
      gauge.set(await this.timers.dueCount(this.clock.now())),
    );
    const backlog = () => this.deliveries.backlog();
    this.metrics.gauge(
      'iop_outbox_depth',
      'What the notification outbox holds: intents not yet dispatched (stage="undispatched"), deliveries not yet sent (stage="pending").',
      ['stage'],
      async (gauge) => {
        const { undispatched, pending } = await backlog();
        gauge.set({ stage: 'undispatched' }, undispatched);
        gauge.set({ stage: 'pending' }, pending);
      },
    );
    this.metrics.gauge(
      'iop_notification_deliveries_failed',
      'Deliveries parked as failed after their last attempt, waiting for a retry by hand.',
      [],
      async (gauge) => gauge.set((await backlog()).failed),
    );
  }

  private async eventsAfter(checkpoint: { commit: string; prepare: string } | undefined): Promise<number> {
    const fromPosition: Position = checkpoint ? { commit: BigInt(checkpoint.commit), prepare: BigInt(checkpoint.prepare) } : START;
    return (await this.store.readAll({ fromPosition, maxCount: LAG_COUNT_LIMIT })).length;
  }
}
