import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '../../src/database/embedded-postgres';
import { startBuiltService } from './built-service';
import { freePort } from './free-port';

export interface WebService {
  readonly baseUrl: string;
  readonly port: number;
  /** The running service's own database, for a test that goes behind its back (a forger's direct SQL). */
  databaseUrl(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The built service (`npm start`'s dist/src/main.js) on its embedded PostgreSQL, with the demo
 * cases, as a new user runs it; `env` adds to a configuration that ignores the caller's shell
 * (no DATABASE_URL, no JWT_SECRET from outside). `port` lets a test register the app's URL first.
 */
export async function startWebService(env: Record<string, string> = {}, port?: number): Promise<WebService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iop-web-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another OS user when the tests run as root
  const httpPort = port ?? (await freePort());
  const pgPort = await freePort();
  const service: ChildProcess = await startBuiltService(
    { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '', JWT_SECRET: '', LOG_LEVEL: 'error', ...env },
    { port: httpPort, detached: true, timeoutMs: 120_000 },
  );
  return {
    baseUrl: `http://127.0.0.1:${httpPort}`,
    port: httpPort,
    async databaseUrl() {
      const url = await new EmbeddedPostgresServer({ dataDir, port: pgPort }).runningUrl();
      if (!url) throw new Error('the service has no running database');
      return url;
    },
    async stop() {
      if (service.exitCode === null && service.signalCode === null) {
        const exited = new Promise((resolve) => service.once('exit', resolve));
        process.kill(-service.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
