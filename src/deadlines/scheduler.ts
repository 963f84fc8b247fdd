import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { LOGGER } from '../logging/logger';
import { Clock } from '../shared/clock';
import { TimerFiring, type BatchResult } from './timers/timer-firing';
import { TimerTable } from './timers/timer-table';
import { TimerWake } from './timers/timers.projection';

/** After a look that found due timers all held by another instance, wait this long before looking again. */
const BUSY_RETRY_MS = 50;
const ERROR_RETRY_MS = 1000;

export interface RunResult {
  readonly batches: number;
  readonly fired: number;
  readonly skipped: number;
  readonly cancelled: number;
  readonly failed: number;
}

/**
 * Sleeps until the next timer is due (one read of the pending index), wakes early when timers
 * change (this instance's projection directly, others' by NOTIFY), and fires what is due in
 * batches. Everything overdue after downtime is due at once, so it fires once on the first look.
 * Several instances may run: each batch locks its timers with SKIP LOCKED, so each timer fires once.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private running = false;
  private loop?: Promise<void>;
  /** What must be written before the first look: see holdUntil. */
  private held: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly firing: TimerFiring,
    private readonly table: TimerTable,
    private readonly wake: TimerWake,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SCHEDULER_ENABLED) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.wake();
    await this.loop;
    await this.wake.close();
  }

  /**
   * Fires every timer due by the clock's now, batch after batch, until none is left that this
   * instance can take. SCHEDULER_CONCURRENCY batches run at once (each its own transaction and
   * connection; SKIP LOCKED keeps them apart), so one batch's reads overlap another's folding.
   */
  async runDue(): Promise<RunResult> {
    const total = { batches: 0, fired: 0, skipped: 0, cancelled: 0, failed: 0 };
    const worker = async () => {
      for (;;) {
        const batch: BatchResult = await this.firing.fireBatch(this.clock.now(), this.config.SCHEDULER_BATCH_SIZE);
        if (batch.claimed === 0) return;
        total.batches++;
        total.fired += batch.settled.fired;
        total.skipped += batch.settled.skipped;
        total.cancelled += batch.settled.cancelled;
        total.failed += batch.failed;
        if (batch.failed > 0) this.logger.warn({ failed: batch.failed }, 'timers failed to fire; retrying later');
        if (batch.claimed < this.config.SCHEDULER_BATCH_SIZE) return;
      }
    };
    await Promise.all(Array.from({ length: this.config.SCHEDULER_CONCURRENCY }, worker));
    return total;
  }

  /**
   * The first look waits until `written` settles: the demo writes cases whose timers are long past,
   * and the engine must not act on a case while its history is still being written (the writer's
   * next command would find the case changed).
   */
  holdUntil(written: Promise<unknown>): void {
    this.held = written;
  }

  /** When the next pending timer is due, or null. */
  nextDueAt(): Promise<Date | null> {
    return this.table.nextFireAt();
  }

  private async run(): Promise<void> {
    await this.held.catch(() => undefined);
    while (this.running) {
      const seen = this.wake.current; // a change while we look is not lost: the wait returns at once
      let sleepMs: number;
      try {
        const run = await this.runDue();
        if (run.fired + run.skipped + run.cancelled > 0) this.logger.info(run, 'timers fired');
        const next = await this.nextDueAt();
        const untilNext = next === null ? Infinity : next.getTime() - this.clock.now().getTime();
        sleepMs = Math.min(this.config.SCHEDULER_MAX_SLEEP_MS, Math.max(untilNext, run.batches === 0 ? BUSY_RETRY_MS : 0));
      } catch (error) {
        this.logger.error({ err: error }, 'deadline scheduler failed; retrying');
        sleepMs = ERROR_RETRY_MS;
      }
      if (this.running) await this.wake.wait(seen, sleepMs);
    }
  }
}
