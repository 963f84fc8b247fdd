import { Client, type ClientConfig, type Pool } from 'pg';
import type { WakeSignal } from './wake-signal';

const CHANNEL = 'iop_events';
const RECONNECT_DELAY_MS = 1000;

/**
 * Cross-instance wake-ups over LISTEN/NOTIFY. Notifying inside the append transaction would
 * serialise every commit on PostgreSQL's notify queue lock, so appends only poke this class,
 * which sends at most one NOTIFY at a time and coalesces the pokes that arrive meanwhile.
 * Losing a notification costs latency only: subscribers also poll.
 */
export class PostgresNotifier {
  private sending = false;
  private pending = false;
  private listener?: Client;
  private listening = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly connection: ClientConfig,
    private readonly signal: WakeSignal,
  ) {}

  notify(): void {
    this.signal.wake(); // subscribers in this process need no round trip
    if (this.sending) {
      this.pending = true;
      return;
    }
    this.sending = true;
    this.pool
      .query(`NOTIFY ${CHANNEL}`)
      .catch(() => undefined)
      .finally(() => {
        this.sending = false;
        if (this.pending) {
          this.pending = false;
          this.notify();
        }
      });
  }

  /** Starts listening for other instances' appends; idempotent. */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    void this.connect();
  }

  async close(): Promise<void> {
    this.listening = false;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => this.signal.wake());
    client.on('error', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (!this.listening) return void (await client.end());
      this.listener = client;
      this.signal.wake(); // events may have arrived while we were not listening
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.listener === client) this.listener = undefined;
    if (!this.listening) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
