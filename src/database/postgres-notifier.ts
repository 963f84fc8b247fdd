import { Client, type ClientConfig, type Pool } from 'pg';
import type { WakeSignal } from '../shared/wake-signal';

const CHANNEL = 'iop_events';
const RECONNECT_DELAY_MS = 1000;
/** Other instances hear of appends at most this much later; one NOTIFY covers all appends in the window. */
const COALESCE_MS = 10;

/**
 * Cross-instance wake-ups over LISTEN/NOTIFY. Notifying inside the append transaction would
 * serialise every commit on PostgreSQL's notify queue lock, and a NOTIFY per append would cost a
 * transaction each, so appends only poke this class, which sends one NOTIFY per short window.
 * Losing a notification costs latency only: subscribers also poll.
 */
export class PostgresNotifier {
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private listening = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly connection: ClientConfig,
    private readonly signal: WakeSignal,
    private readonly channel = CHANNEL,
  ) {}

  notify(): void {
    this.signal.wake(); // subscribers in this process need no round trip
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.pool.query(`NOTIFY ${this.channel}`).catch(() => undefined);
    }, COALESCE_MS);
  }

  /** Starts listening for other instances' appends; idempotent. */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    void this.connect();
  }

  /** Stops listening; a NOTIFY still pending is sent first, so nothing told before closing is lost. */
  async close(): Promise<void> {
    this.listening = false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.pool.query(`NOTIFY ${this.channel}`).catch(() => undefined);
    }
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
      await client.query(`LISTEN ${this.channel}`);
      if (!this.listening) {
        await client.end(); // closed while connecting
        return;
      }
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
