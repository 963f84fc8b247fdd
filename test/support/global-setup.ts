import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresServer } from '../../src/database/embedded-postgres';
import { freePort } from './free-port';

/** One embedded PostgreSQL for the whole run; each test file makes its own database in it. */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'iop-engine-test-'));
  await chmod(dataDir, 0o755); // PostgreSQL runs as another OS user when the tests run as root
  const server = new EmbeddedPostgresServer({ dataDir, port: await freePort(), persistent: false });
  process.env.TEST_EMBEDDED_DATABASE_URL = await server.start();
  Object.assign(globalThis, { iopTestPostgres: { server, dataDir } });
}
