import type { OnApplicationShutdown } from '@nestjs/common';
import { Pool, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgresServer } from './embedded-postgres';
import { migrate } from './migrator';
import { migrations } from './migrations';

/**
 * The PostgreSQL the service runs on: DATABASE_URL when given, otherwise an embedded server
 * under DATA_DIR. Closed last on shutdown, after HTTP has drained and subscribers have stopped.
 */
export class Database implements OnApplicationShutdown {
  private constructor(
    readonly pool: Pool,
    readonly connection: ClientConfig,
    private readonly embedded?: EmbeddedPostgresServer,
  ) {}

  static async open(config: AppConfig, logger: Logger): Promise<Database> {
    let embedded: EmbeddedPostgresServer | undefined;
    let url = config.DATABASE_URL;
    if (!url) {
      const log = logger.child({ component: 'embedded-postgres' });
      embedded = new EmbeddedPostgresServer({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, onLog: (line) => log.debug(line) });
      url = await embedded.start();
      logger.info({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT }, 'embedded PostgreSQL started');
    }
    const connection: ClientConfig = { connectionString: url, application_name: 'iop-engine' };
    const pool = new Pool({ ...connection, max: config.DATABASE_POOL_SIZE });
    // An idle connection can break (server restart, network); the pool replaces it on next use.
    pool.on('error', (error: Error & { code?: string }) => logger.warn({ code: error.code, message: error.message }, 'idle database connection failed'));
    try {
      const applied = await migrate(pool, migrations);
      if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    } catch (error) {
      await pool.end();
      await embedded?.stop();
      throw error;
    }
    return new Database(pool, connection, embedded);
  }

  async onApplicationShutdown(): Promise<void> {
    this.pool.removeAllListeners('error');
    this.pool.on('error', () => undefined); // the server going away now is expected
    await this.pool.end();
    await this.embedded?.stop();
  }
}
