import type { Database } from '../../database/database';
import { PostgresNotifier } from '../../event-store/postgres/postgres-notifier';
import { WakeSignal } from '../../event-store/postgres/wake-signal';

export const TIMERS_CHANNEL = 'iop_timers';

/**
 * Wakes the scheduler when timers change: directly for this process's projection, by
 * LISTEN/NOTIFY (the event store's notifier on a channel of its own) for other instances'. A
 * lost notification costs latency only: the scheduler never sleeps longer than SCHEDULER_MAX_SLEEP_MS.
 */
export class TimerWake extends WakeSignal {
  private readonly notifier: PostgresNotifier;

  constructor(db: Pick<Database, 'pool' | 'connection'>) {
    super();
    this.notifier = new PostgresNotifier(db.pool, db.connection, this, TIMERS_CHANNEL);
  }

  /** Timers changed (after their commit): wake this process now, other instances by one NOTIFY. */
  notify(): void {
    this.notifier.notify();
  }

  listen(): void {
    this.notifier.listen();
  }

  close(): Promise<void> {
    return this.notifier.close();
  }
}
