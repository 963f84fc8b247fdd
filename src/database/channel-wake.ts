import type { ClientConfig, Pool } from 'pg';
import { WakeSignal } from '../shared/wake-signal';
import { PostgresNotifier } from './postgres-notifier';

/**
 * Wakes sleepers when rows they wait for change: directly in this process, by LISTEN/NOTIFY on a
 * channel of its own in other instances (sent after commit, coalesced, never inside the writing
 * transaction). A lost notification costs latency only: sleepers also look again after a while.
 */
export class ChannelWake extends WakeSignal {
  private readonly notifier: PostgresNotifier;

  constructor(db: { readonly pool: Pool; readonly connection: ClientConfig }, channel: string) {
    super();
    this.notifier = new PostgresNotifier(db.pool, db.connection, this, channel);
  }

  /** Call after the change committed: wakes this process now, other instances by one NOTIFY. */
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
