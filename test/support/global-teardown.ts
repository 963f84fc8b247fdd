import { rm } from 'node:fs/promises';
import type { EmbeddedPostgresServer } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const { server, dataDir } = (globalThis as unknown as { iopTestPostgres: { server: EmbeddedPostgresServer; dataDir: string } }).iopTestPostgres;
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
