import { randomUUID } from 'node:crypto';
import { Client, Pool, type ClientConfig } from 'pg';
import { migrate } from '../../src/database/migrator';
import { migrations } from '../../src/database/migrations';

export interface DatabaseTarget {
  readonly name: string;
  readonly url: string;
}

/** The embedded server always; the server named by DATABASE_URL too when it is set (CI: PostgreSQL 15). */
export function databaseTargets(): DatabaseTarget[] {
  const embedded = process.env.TEST_EMBEDDED_DATABASE_URL;
  if (!embedded) throw new Error('TEST_EMBEDDED_DATABASE_URL is not set: run the tests through jest (test/support/global-setup.ts)');
  const targets = [{ name: 'embedded PostgreSQL', url: embedded }];
  if (process.env.DATABASE_URL) targets.push({ name: 'DATABASE_URL', url: process.env.DATABASE_URL });
  return targets;
}

export interface TestDatabase {
  readonly pool: Pool;
  readonly connection: ClientConfig;
  readonly url: string;
  /** Server version, e.g. "PostgreSQL 15.19". */
  readonly version: string;
  drop(): Promise<void>;
}

/** A new, migrated database on the target server, dropped afterwards: test files never share state. */
export async function createTestDatabase(target: DatabaseTarget, poolSize = 25): Promise<TestDatabase> {
  const name = `iop_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  const connection = { connectionString: url.toString() };
  const pool = new Pool({ ...connection, max: poolSize });
  // pool.end() resolves before the server has reaped every backend; DROP … WITH (FORCE) then
  // terminates the stragglers, whose error would otherwise surface as an unhandled 'error' event.
  pool.on('error', () => undefined);
  await migrate(pool, migrations);
  const { rows } = await pool.query<{ v: string }>(`SELECT split_part(version(), ' ', 1) || ' ' || split_part(version(), ' ', 2) AS v`);
  return {
    pool,
    connection,
    url: url.toString(),
    version: rows[0].v,
    async drop() {
      await pool.end();
      const client = new Client({ connectionString: target.url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
