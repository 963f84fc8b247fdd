import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres';
import { freePort } from '../test/support/free-port';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';

/**
 * A scratch database for a benchmark: on BENCH_DATABASE_URL's server, or on a throw-away embedded
 * PostgreSQL. Everything started is undone at the end, on error and on Ctrl-C.
 */
export async function withBenchDatabase(poolSize: number, bench: (database: TestDatabase) => Promise<void>): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) await undo().catch((error) => process.stderr.write(`cleanup failed: ${error}\n`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    const database = await createTestDatabase({ name: 'bench', url: await serverUrl(cleanups) }, poolSize);
    database.pool.on('error', () => undefined);
    cleanups.push(() => database.drop());
    await bench(database);
  } finally {
    await cleanUp();
  }
}

async function serverUrl(cleanups: (() => Promise<void>)[]): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const dataDir = await mkdtemp(join(tmpdir(), 'iop-engine-bench-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  await chmod(dataDir, 0o755); // PostgreSQL runs as another OS user when we run as root
  const server = new EmbeddedPostgresServer({ dataDir, port: await freePort(), persistent: false });
  cleanups.push(() => server.stop());
  return server.start();
}
