import type { Logger } from 'pino';
import type { Clock } from '../shared/clock';
import type { ClaimedDelivery, NotificationChannel } from './channels/channel';
import type { DeliveryStore } from './delivery-store';
import type { Escalator } from './escalation';
import type { NotificationDispatcher } from './notification-dispatcher';
import type { OutboxWake } from './postgres-notification-outbox';

const BATCH = 20;
/** Nothing due: sleep until woken, but look again after this long in case a wake-up was lost. */
const IDLE_MS = 300_000;
const ERROR_PAUSE_MS = 1_000;
/** Rows due but locked by another worker's claim in progress: look again shortly rather than spin. */
const MIN_SLEEP_MS = 20;

/**
 * The loop from outbox to receiver: dispatch new intents, escalate what is due, send what is due,
 * then sleep until the next retry or escalation falls due or an outbox commit (NOTIFY) wakes it.
 * Sleep lengths come from the injected clock; the sleeping itself is a timer.
 */
export class DeliveryWorker {
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly deps: {
      /** Woken by intents enqueued and deliveries retried, in this instance or (by NOTIFY) another. */
      wake: OutboxWake;
      dispatcher: NotificationDispatcher;
      escalator: Escalator;
      store: DeliveryStore;
      channels: Record<ClaimedDelivery['channel'], NotificationChannel>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  start(): void {
    this.stopping = false;
    this.deps.wake.listen();
    this.running = this.loop();
  }

  /** Lets the sends in flight finish, then stops; what is left is taken up by the next start (or another instance). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.deps.wake.wake();
    await this.running;
    await this.deps.wake.close();
  }

  /** One pass: dispatch, escalate, send until nothing is due. Tests call it under a fixed clock. */
  async runOnce(): Promise<void> {
    await this.deps.dispatcher.dispatchPending();
    await this.deps.escalator.escalateDue();
    for (;;) {
      const batch = await this.deps.store.claim(BATCH);
      await Promise.all(batch.map((delivery) => this.send(delivery)));
      if (batch.length < BATCH || this.stopping) return;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const seen = this.deps.wake.current;
      let sleep: number;
      try {
        await this.runOnce();
        sleep = await this.untilNextDue();
      } catch (error) {
        this.deps.logger.error({ err: error }, 'notification worker pass failed');
        sleep = ERROR_PAUSE_MS;
      }
      if (!this.stopping) await this.deps.wake.wait(seen, sleep);
    }
  }

  private async untilNextDue(): Promise<number> {
    const [delivery, escalation] = await Promise.all([this.deps.store.nextDueAt(), this.deps.escalator.nextDueAt()]);
    const next = Math.min(delivery?.getTime() ?? Infinity, escalation?.getTime() ?? Infinity);
    return Math.min(Math.max(next - this.deps.clock.now().getTime(), MIN_SLEEP_MS), IDLE_MS);
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    try {
      await this.deps.channels[delivery.channel].send(delivery);
      await this.deps.store.delivered(delivery.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const status = await this.deps.store.attemptFailed(delivery, reason);
      this.deps.logger.warn({ delivery: delivery.id, channel: delivery.channel, attempts: delivery.attempts, status, reason }, 'notification delivery failed');
    }
  }
}
