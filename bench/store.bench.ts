/**
 * `npm run bench:store`: the PostgreSQL event store against raw SQL doing the same work on tables
 * of the same shape, in the same run and on the same server (issue 2, item 7).
 *
 * Starts a throw-away embedded PostgreSQL, or uses BENCH_DATABASE_URL (a scratch database is
 * created on it and dropped afterwards). BENCH_SCALE (default 1) scales the amount of work;
 * BENCH_ROUNDS (default 3) the number of measured rounds; BENCH_WORKLOADS (default single,batch,read)
 * which workloads. The machine is small, shared and noisy,
 * so sides run back to back in each round, in alternating order, and the reported ratio is the
 * median of the per-round ratios. CPU per event is this process's (process.cpuUsage) and, when the
 * server is local, PostgreSQL's (all its processes, from /proc).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { EventMetadata, NewEvent, ReadAllOptions, StreamName } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { SystemClock } from '../src/shared/clock';
import { context } from '../test/support/events';
import { withBenchDatabase } from './bench-database';
import { emmettSide } from './emmett-side';
import { BATCH, BATCH_WRITERS, PAGE, runWorkload, WRITERS, type SideIo, type WorkloadKind, type Write } from './store-workloads';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EMMETT = 'Emmett 0.42';
/** BENCH_WORKLOADS: which of single, batch, read to run (default all; read pages through what the others wrote). */
const WORKLOADS = (process.env.BENCH_WORKLOADS ?? 'single,batch,read').split(',');
const chosen = (kind: WorkloadKind) => WORKLOADS.includes(kind);

const storeWrite =
  (store: PostgresEventStore): Write =>
  async (stream, events, head) => {
    await store.append(stream, events, { expectedRevision: head < 0n ? 'no_stream' : head, context });
  };

/** The columns the store writes, with its metadata but a dummy hash: no canonical JSON, no sha256. */
function rawRows(stream: StreamName, events: NewEvent[], head: bigint): unknown[] {
  const metadata: EventMetadata = { ...context, tenant: stream.tenant, recordedAt: new Date().toISOString(), schemaVersion: 1 };
  const json = JSON.stringify(metadata);
  return events.flatMap((e, i) => [stream.tenant, stream.id, (head + 1n + BigInt(i)).toString(), e.id, e.type, JSON.stringify(e.data), json, DUMMY_HASH]);
}
const DUMMY_HASH = randomBytes(32);
const RAW_COLUMNS = 'tenant, stream_id, revision, event_id, type, data, metadata, hash';

/** A prepared multi-row INSERT for `rows` events. */
function rawInsert(rows: number) {
  const values = Array.from({ length: rows }, (_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(', ')})`);
  return { name: `raw-insert-${rows}`, text: `INSERT INTO raw_events (${RAW_COLUMNS}) VALUES ${values.join(', ')}` };
}

/**
 * Baseline: a hand-written append. BEGIN, SELECT … FOR UPDATE on the head, INSERT, UPDATE the head,
 * COMMIT: 5 round trips; a new stream's is 4 (its head row is INSERTed with the final revision).
 */
const rawTransaction =
  (pool: Pool): Write =>
  async (stream, events, head) => {
    const client = await pool.connect();
    const revision = (head + BigInt(events.length)).toString();
    try {
      await client.query('BEGIN');
      if (head < 0n) {
        await client.query({
          name: 'raw-create-head',
          text: 'INSERT INTO raw_streams (tenant, stream_id, revision, head_hash) VALUES ($1, $2, $3, $4)',
          values: [stream.tenant, stream.id, revision, DUMMY_HASH],
        });
      } else {
        const { rows } = await client.query<{ revision: string }>({
          name: 'raw-lock-head',
          text: 'SELECT revision::text FROM raw_streams WHERE tenant = $1 AND stream_id = $2 FOR UPDATE',
          values: [stream.tenant, stream.id],
        });
        if (rows[0]?.revision !== head.toString()) throw new Error(`raw baseline: ${stream.id} is at ${rows[0]?.revision}, expected ${head}`);
      }
      await client.query({ ...rawInsert(events.length), values: rawRows(stream, events, head) });
      if (head >= 0n) {
        await client.query({
          name: 'raw-move-head',
          text: 'UPDATE raw_streams SET revision = $3, head_hash = $4, updated_at = now() WHERE tenant = $1 AND stream_id = $2',
          values: [stream.tenant, stream.id, revision, DUMMY_HASH],
        });
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

/** The limit: one autocommit INSERT per event, no head, no check. */
const rawAutocommitInsert =
  (pool: Pool): Write =>
  async (stream, events, head) => {
    await pool.query({ ...rawInsert(events.length), values: rawRows(stream, events, head) });
  };

// ---------------------------------------------------------------------------------------------
// Readers: page through `total` events in global order, starting over at the end (the data
// written is less than a stable measurement needs; it is all in shared buffers either way).

async function readStore(store: PostgresEventStore, total: number): Promise<number> {
  let read = 0;
  let from: ReadAllOptions['fromPosition'] = 'start';
  while (read < total) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
    read += page.length;
    from = page.length < PAGE ? 'start' : page[page.length - 1].position;
  }
  return read;
}

async function readRaw(pool: Pool, total: number): Promise<number> {
  let read = 0;
  let position = '0';
  while (read < total) {
    const { rows } = await pool.query<{ position: string }>({
      name: 'raw-read',
      text: 'SELECT * FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2',
      values: [position, PAGE],
    });
    read += rows.length;
    position = rows.length < PAGE ? '0' : rows[rows.length - 1].position;
  }
  return read;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  readonly eventsPerSecond: number;
  readonly nodeCpuUsPerEvent: number;
  readonly pgCpuUsPerEvent?: number;
}

/** The one timing helper: wall clock, this process's CPU and the PostgreSQL server's CPU around `work`. */
async function measure(pgCpu: () => Promise<number | undefined>, work: () => Promise<number>): Promise<Sample> {
  const pgBefore = await pgCpu();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const events = await work();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = await pgCpu();
  return {
    eventsPerSecond: events / seconds,
    nodeCpuUsPerEvent: (cpu.user + cpu.system) / events,
    pgCpuUsPerEvent: pgBefore === undefined || pgAfter === undefined ? undefined : (pgAfter - pgBefore) / events,
  };
}

/**
 * CPU time (µs) of the whole PostgreSQL server: the postmaster, its live children (backends, WAL
 * writer, checkpointer, …) and, through the postmaster's cutime/cstime, the children that exited
 * (autovacuum workers). Undefined when the server is not a local process we can see.
 */
async function postgresCpuMeter(pool: Pool): Promise<() => Promise<number | undefined>> {
  try {
    const { rows } = await pool.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    const postmaster = (await readFile(join(rows[0].dir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    const microsPerTick = 1e6 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    // Fields after "(comm)": [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
    const stat = async (pid: string) => (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ')')).split(')').pop()!.trim().split(' ');
    await stat(postmaster).then((f) => f[11] ?? Promise.reject(new Error('no procfs')));
    return async () => {
      const own = await stat(postmaster);
      let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
      for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
        const f = await stat(pid);
        if (f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
      }
      return ticks * microsPerTick;
    };
  } catch {
    return async () => undefined;
  }
}

interface Side {
  readonly name: string;
  /** Does about `size` events of work, returns how many it did. */
  readonly run: (size: number) => Promise<number>;
}

interface Workload {
  readonly name: string;
  readonly kind: WorkloadKind;
  readonly size: number;
  readonly store: Side;
  readonly baselines: readonly Side[];
  /** Emmett doing the same work: the peer the store is compared with. */
  readonly peer: Side;
  /** Which baseline the store must match (ratio ≥ 1.0); the others are shown for reference. */
  readonly targetBaseline: string;
}

/** A warm-up (a tenth of the size, at least 1000 events: JIT, prepared statements, pool), then ROUNDS rounds with the sides in alternating order: each side's samples by round. */
async function measureWorkload(workload: Workload, pgCpu: () => Promise<number | undefined>): Promise<Map<string, Sample[]>> {
  const sides = [workload.store, ...workload.baselines, workload.peer];
  for (const side of sides) await side.run(Math.max(1000, Math.ceil(workload.size / 10)));
  const samples = new Map<string, Sample[]>(sides.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const sample = await measure(pgCpu, () => side.run(workload.size));
      samples.get(side.name)!.push(sample);
      process.stderr.write(`  ${workload.name} · round ${round + 1} · ${side.name}: ${Math.round(sample.eventsPerSecond)} events/s\n`);
    }
  }
  return samples;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The round with the median rate, whole, so that its CPU figures belong to it. */
const medianSample = (samples: Sample[]) => samples.find((s) => s.eventsPerSecond === median(samples.map((t) => t.eventsPerSecond)))!;

// ---------------------------------------------------------------------------------------------

async function bench(pool: Pool, connectionString: string): Promise<void> {
  const store = new PostgresEventStore({ pool, connection: { connectionString }, clock: new SystemClock() });
  const emmett = emmettSide(connectionString);
  // Same columns, defaults, identity, primary key, unique (tenant, stream_id, event_id) and (transaction_id, position) index.
  await pool.query('CREATE TABLE raw_streams (LIKE streams INCLUDING ALL); CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
  const pgCpu = await postgresCpuMeter(pool);
  const { rows } = await pool.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  process.stderr.write(`PostgreSQL ${rows[0].version}, scale ${SCALE}, ${ROUNDS} rounds + warm-up\n`);

  const storeIo: SideIo = { write: storeWrite(store), read: (n) => readStore(store, n) };
  const rawRead = (n: number) => readRaw(pool, n);
  const side = (name: string, kind: WorkloadKind, io: SideIo): Side => ({ name, run: (n) => runWorkload(kind, n, io) });
  const sides = (kind: WorkloadKind) => ({
    kind,
    store: side('store', kind, storeIo),
    peer: { name: EMMETT, run: (n: number) => emmett.run(kind, n) },
  });
  const writes: Workload[] = [
    {
      name: `single appends, ${WRITERS} writers`,
      size: Math.round(5000 * SCALE),
      ...sides('single'),
      baselines: [
        side('raw 5-round-trip tx', 'single', { write: rawTransaction(pool), read: rawRead }),
        side('raw autocommit INSERT', 'single', { write: rawAutocommitInsert(pool), read: rawRead }),
      ],
      targetBaseline: 'raw autocommit INSERT',
    },
    {
      name: `${BATCH}-event batches, ${BATCH_WRITERS} writers`,
      size: Math.round(30_000 * SCALE),
      ...sides('batch'),
      baselines: [side('raw batch tx', 'batch', { write: rawTransaction(pool), read: rawRead })],
      targetBaseline: 'raw batch tx',
    },
  ];
  const reads: Workload = {
    name: `readAll, pages of ${PAGE}`,
    size: Math.round(150_000 * SCALE),
    ...sides('read'),
    baselines: [side('raw paged SELECT', 'read', { write: rawAutocommitInsert(pool), read: rawRead })],
    targetBaseline: 'raw paged SELECT',
  };

  if (!writes.some((w) => chosen(w.kind))) throw new Error('BENCH_WORKLOADS: read pages through what single or batch wrote; choose one of them too');
  const results: { workload: Workload; samples: Map<string, Sample[]> }[] = [];
  try {
    for (const workload of writes.filter((w) => chosen(w.kind))) results.push({ workload, samples: await measureWorkload(workload, pgCpu) });
    // The raw reader's checkpoint is `position`, which needs its own index; made only now so that the
    // raw writers paid exactly the store's index maintenance. VACUUM sets hint bits for every side alike.
    await pool.query('CREATE INDEX ON raw_events (position)');
    await pool.query('VACUUM ANALYZE');
    if (chosen(reads.kind)) results.push({ workload: reads, samples: await measureWorkload(reads, pgCpu) });
  } finally {
    await emmett.close();
    await store.close();
  }
  report(results);
}

/** Rates are medians over rounds; the ratio is the median of per-round ratios, whose sides ran back to back. */
function report(results: { workload: Workload; samples: Map<string, Sample[]> }[]): void {
  const rows = results.flatMap(({ workload, samples }) => {
    const stores = samples.get('store')!;
    const peers = samples.get(workload.peer.name)!;
    const roundRatio = (a: Sample[], b: Sample[]) => median(a.map((s, round) => s.eventsPerSecond / b[round].eventsPerSecond));
    return workload.baselines.map((baseline) => {
      const raws = samples.get(baseline.name)!;
      const [store, raw, peer] = [medianSample(stores), medianSample(raws), medianSample(peers)];
      const targeted = baseline.name === workload.targetBaseline;
      const ratio = roundRatio(stores, raws);
      return {
        workload: workload.name,
        baseline: baseline.name,
        store,
        raw,
        peer,
        ratio,
        peerRatio: roundRatio(stores, peers),
        peerToRaw: roundRatio(peers, raws),
        target: targeted ? '≥ 1.0×' : 'aim',
        met: targeted ? ratio >= 1 : undefined,
      };
    });
  });
  const us = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(0));
  const table = [
    [
      'workload',
      'baseline',
      'store ev/s',
      'raw ev/s',
      'Emmett ev/s',
      'store/raw',
      'store/Emmett',
      'Emmett/raw',
      'target',
      'CPU µs/event node store|raw|Emmett',
      'CPU µs/event pg store|raw|Emmett',
    ],
    ...rows.map((r) => [
      r.workload,
      r.baseline,
      Math.round(r.store.eventsPerSecond).toString(),
      Math.round(r.raw.eventsPerSecond).toString(),
      Math.round(r.peer.eventsPerSecond).toString(),
      `${r.ratio.toFixed(2)}×`,
      `${r.peerRatio.toFixed(2)}×`,
      `${r.peerToRaw.toFixed(2)}×`,
      r.met === undefined ? r.target : `${r.target} ${r.met ? 'met' : 'MISSED'}`,
      [r.store, r.raw, r.peer].map((sample) => us(sample.nodeCpuUsPerEvent)).join(' | '),
      [r.store, r.raw, r.peer].map((sample) => us(sample.pgCpuUsPerEvent)).join(' | '),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => (c >= 2 && c <= 7 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
  console.log(
    JSON.stringify({
      bench: 'store',
      scale: SCALE,
      rounds: ROUNDS,
      results: rows.map(({ workload, baseline, store, raw, peer, ratio, peerRatio, peerToRaw, met }) => ({
        workload,
        baseline,
        store,
        raw,
        emmett: peer,
        ratio,
        storeToEmmett: peerRatio,
        emmettToRaw: peerToRaw,
        met,
      })),
    }),
  );
}

withBenchDatabase(WRITERS + 4, (database) => bench(database.pool, database.url)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
