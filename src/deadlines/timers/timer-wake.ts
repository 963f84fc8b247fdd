import { Client, type ClientConfig } from 'pg';
import { WakeSignal } from '../../event-store/postgres/wake-signal';
import { TIMERS_CHANNEL } from './timer-table';

const RECONNECT_DELAY_MS = 1000;

/**
 * Wakes the scheduler when timers change: directly for this process's projection, by
 * LISTEN/NOTIFY for other instances'. A lost notification costs latency only: the scheduler
 * never sleeps longer than SCHEDULER_MAX_SLEEP_MS.
 */
export class TimerWake extends WakeSignal {
  private listener?: Client;
  private listening = false;
  private reconnectTimer?: NodeJS.Timeout;

  listen(connection: ClientConfig): void {
    if (this.listening) return;
    this.listening = true;
    void this.connect(connection);
  }

  async close(): Promise<void> {
    this.listening = false;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async connect(connection: ClientConfig): Promise<void> {
    const client = new Client(connection);
    client.on('notification', () => this.wake());
    client.on('error', () => this.reconnect(client, connection));
    try {
      await client.connect();
      await client.query(`LISTEN ${TIMERS_CHANNEL}`);
      if (!this.listening) return void (await client.end());
      this.listener = client;
      this.wake(); // timers may have changed while we were not listening
    } catch {
      this.reconnect(client, connection);
    }
  }

  private reconnect(client: Client, connection: ClientConfig): void {
    void client.end().catch(() => undefined);
    if (this.listener === client) this.listener = undefined;
    if (!this.listening) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(connection), RECONNECT_DELAY_MS);
  }
}
