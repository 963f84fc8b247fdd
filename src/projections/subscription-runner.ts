import type { Clock } from '../shared/clock';
import type { CheckpointStore } from '../event-store/checkpoint-store.port';
import type { EventStore, Position, RecordedEvent, Subscription } from '../event-store/event-store.port';

export type EventHandler = (event: RecordedEvent) => Promise<void>;

export interface SubscriptionStatus {
  readonly id: string;
  readonly state: 'starting' | 'running' | 'stopped' | 'failed';
  readonly checkpoint?: { commit: string; prepare: string };
  /** Seconds since the event being handled now was recorded; 0 when caught up. */
  readonly lagSeconds: number;
  readonly error?: string;
}

/**
 * Runs one named subscriber: resumes after its stored checkpoint, hands every event to the
 * handler, and stores the checkpoint after the handler succeeded (at-least-once: a crash between
 * the two redelivers one event, so handlers are idempotent).
 */
export class SubscriptionRunner {
  private subscription?: Subscription;
  private done?: Promise<void>;
  private state: SubscriptionStatus['state'] = 'stopped';
  private checkpoint?: Position;
  private handling?: RecordedEvent;
  private error?: string;

  constructor(
    readonly id: string,
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly handler: EventHandler,
    private readonly clock: Clock,
  ) {}

  async start(): Promise<void> {
    this.state = 'starting';
    this.checkpoint = await this.checkpoints.load(this.id);
    this.subscription = this.store.subscribe({ fromPosition: this.checkpoint ?? 'start' });
    this.state = 'running';
    this.done = this.run(this.subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.done;
    if (this.state === 'running') this.state = 'stopped';
  }

  status(): SubscriptionStatus {
    const recordedAt = this.handling ? Date.parse(this.handling.metadata.recordedAt) : undefined;
    return {
      id: this.id,
      state: this.state,
      checkpoint: this.checkpoint && { commit: this.checkpoint.commit.toString(), prepare: this.checkpoint.prepare.toString() },
      lagSeconds: recordedAt === undefined ? 0 : Math.max(0, (this.clock.now().getTime() - recordedAt) / 1000),
      ...(this.error && { error: this.error }),
    };
  }

  private async run(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.handling = event;
        await this.handler(event);
        await this.checkpoints.save(this.id, event.position);
        this.checkpoint = event.position;
        this.handling = undefined;
      }
    } catch (error) {
      this.state = 'failed';
      this.error = (error as Error).message;
      await subscription.close();
    }
  }
}
