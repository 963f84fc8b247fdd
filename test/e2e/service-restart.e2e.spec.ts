import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { hs256Key, mintToken } from '../../src/auth/signing-key';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { SystemClock } from '../../src/shared/clock';
import { startBuiltService } from '../support/built-service';
import { context, events } from '../support/events';
import { freePort } from '../support/free-port';

/**
 * The built service as a user starts it (`npm start` runs this file), on its own embedded
 * PostgreSQL: events written before a stop are there after a restart, however it was stopped.
 */
describe('the service on its embedded PostgreSQL', () => {
  let dataDir: string;
  let httpPort: number;
  let pgPort: number;
  let service: ChildProcess | undefined;
  const stream = { tenant: 'osteraker', id: 'restart-probe' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'iop-engine-e2e-'));
    await chmod(dataDir, 0o755);
    [httpPort, pgPort] = [await freePort(), await freePort()];
  });

  afterAll(async () => {
    if (service?.exitCode === null) await stop('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    // The demo's Linköping agreement ended 2025-12-31: with the real clock, the deadline scheduler
    // would expire it moments after start, racing the assertion on the demo's stages below
    // (deadlines-first-start covers what the scheduler makes of the demo).
    service = await startBuiltService(
      { DATABASE_URL: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false' },
      { port: httpPort, detached: true }, // its own process group, so that a crash can take PostgreSQL down with it
    );
  }

  function stop(signal: NodeJS.Signals, wholeGroup = false): Promise<number | null> {
    const child = service!;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(wholeGroup ? -child.pid! : child.pid!, signal);
    return exited;
  }

  async function withStore<T>(work: (store: PostgresEventStore) => Promise<T>): Promise<T> {
    const password = (await readFile(join(dataDir, 'pg-password'), 'utf8')).trim();
    const connection = { connectionString: `postgres://postgres:${password}@127.0.0.1:${pgPort}/iop` };
    const pool = new Pool(connection);
    const store = new PostgresEventStore({ pool, connection, clock: new SystemClock() });
    try {
      return await work(store);
    } finally {
      await store.close();
      await pool.end();
    }
  }

  const revisions = () => withStore(async (store) => (await store.readStream(stream)).map((e) => Number(e.revision)));

  it('answers /health with 200 and the database up', async () => {
    await start();
    const body = await (await fetch(`http://127.0.0.1:${httpPort}/health`)).json();
    expect(body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  }, 90_000);

  /** The demo cases as the case list shows them to an official of the tenant (the list follows within moments). */
  async function demoCases(tenant: string, expected: number): Promise<{ statePaths: string[]; organisationName: string }[]> {
    const token = await mintToken({ sub: 'demo', name: 'Demo', roles: ['handlaggare'], tenant }, hs256Key(undefined, dataDir));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${httpPort}/cases`, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { total: number; items: { statePaths: string[]; organisationName: string }[] };
      if (body.total === expected || Date.now() > deadline) return body.items;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('creates the demo cases on first start, each at its own stage', async () => {
    const osteraker = await demoCases('osteraker', 2);
    expect(osteraker.map((c) => [c.organisationName, c.statePaths.join(' ')]).sort()).toEqual([
      ['Brottsofferjouren Roslagen', 'signing.municipality.unsigned signing.organisation.unsigned'],
      ['Kvinnojouren i Österåker', 'signing.municipality.signed signing.organisation.unsigned'],
    ]);
    expect((await demoCases('linkoping', 1))[0].statePaths[0]).toMatch(/^active/);
    expect((await demoCases('robertsfors', 1))[0].statePaths[0]).toMatch(/^decision/);
  }, 60_000);

  it('keeps events over a SIGTERM restart, and stops its PostgreSQL on the way out', async () => {
    await withStore((store) => store.append(stream, events(2), { expectedRevision: 'no_stream', context }));
    expect(await stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    await start();
    expect(await revisions()).toEqual([0, 1]);
    expect(await demoCases('osteraker', 2)).toHaveLength(2); // demo data is made once, on the empty database only
  }, 90_000);

  it('keeps events over kill -9 of the service, stopping the PostgreSQL it left running', async () => {
    await withStore((store) => store.append(stream, events(1), { expectedRevision: 1n, context }));
    await stop('SIGKILL');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true); // the orphan still runs

    await start();
    expect(await revisions()).toEqual([0, 1, 2]);
  }, 90_000);

  it('keeps events over kill -9 of the service and its PostgreSQL together (stale lock file)', async () => {
    await withStore((store) => store.append(stream, events(1), { expectedRevision: 2n, context }));
    await stop('SIGKILL', true);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    await start();
    expect(await revisions()).toEqual([0, 1, 2, 3]);
    expect(await stop('SIGTERM')).toBe(0);
  }, 90_000);
});
