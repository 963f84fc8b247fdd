import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CheckpointStore } from '../event-store/checkpoint-store.port';
import { EventStore } from '../event-store/event-store.port';
import { Clock } from '../shared/clock';
import { SubscriptionRunner, type EventHandler, type SubscriptionStatus } from './subscription-runner';

/**
 * The service's subscribers (projections, the deadline scheduler's timer table, …): they register
 * here, start once the application is up and stop before the database closes.
 */
@Injectable()
export class Subscriptions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly runners = new Map<string, SubscriptionRunner>();
  private started = false;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly clock: Clock,
  ) {}

  async register(id: string, handler: EventHandler): Promise<void> {
    if (this.runners.has(id)) throw new Error(`subscription ${id} is registered twice`);
    const runner = new SubscriptionRunner(id, this.store, this.checkpoints, handler, this.clock);
    this.runners.set(id, runner);
    if (this.started) await runner.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await Promise.all([...this.runners.values()].map((r) => r.start()));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
  }

  statuses(): SubscriptionStatus[] {
    return [...this.runners.values()].map((r) => r.status());
  }
}
