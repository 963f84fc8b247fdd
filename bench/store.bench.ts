/**
 * `npm run bench:store`: the PostgreSQL event store against raw SQL doing the same work on tables
 * of the same shape, in the same run and on the same server (issue 2, item 7).
 *
 * Starts a throw-away embedded PostgreSQL, or uses BENCH_DATABASE_URL (a scratch database is
 * created on it and dropped afterwards). BENCH_SCALE (default 1) scales the amount of work;
 * BENCH_ROUNDS (default 3) the number of measured rounds. The machine is small, shared and noisy,
 * so sides run back to back in each round, in alternating order, and the reported ratio is the
 * median of the per-round ratios. CPU per event is this process's (process.cpuUsage) and, when the
 * server is local, PostgreSQL's (all its processes, from /proc).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { EventMetadata, NewEvent, ReadAllOptions, StreamName } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { SystemClock } from '../src/shared/clock';
import { context } from '../test/support/events';
import { withBenchDatabase } from './bench-database';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TENANT = 'kommun-0188';
const WRITERS = 16;
const BATCH_WRITERS = 4;
const BATCH = 100;
const PAGE = 500;
/** Single appends: one in four creates its stream, the rest append to a head the writer just wrote. */
const APPENDS_PER_STREAM = 4;
const BATCHES_PER_STREAM = 2;
const PAYLOAD = { amountKr: 472200, paidOn: '2024-01-31', organisation: 'Brottsofferjouren Roslagen' };

// ---------------------------------------------------------------------------------------------
// Writers: the same streams, events and concurrency for every side; only `write` differs.

/** Writes `events` to `stream`, whose last revision is `head` (-1n: the stream is new). */
type Write = (stream: StreamName, events: NewEvent[], head: bigint) => Promise<void>;

/** `writers` concurrent loops; each fills its own streams, `perStream` writes of `batch` events each. */
async function appendLoad(write: Write, total: number, writers: number, batch: number, perStream: number): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const writesPerWriter = Math.max(1, Math.round(total / batch / writers));
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; n < writesPerWriter; n++) {
        const stream = { tenant: TENANT, id: `case-${run}-${w}-${Math.floor(n / perStream)}` };
        const head = BigInt((n % perStream) * batch) - 1n;
        await write(
          stream,
          Array.from({ length: batch }, () => ({ id: randomUUID(), type: 'PaymentRecorded', data: PAYLOAD })),
          head,
        );
      }
    }),
  );
  return writesPerWriter * writers * batch;
}

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
  readonly size: number;
  readonly store: Side;
  readonly baselines: readonly Side[];
  /** Which baseline the store must match (ratio ≥ 1.0); the others are shown for reference. */
  readonly targetBaseline: string;
}

/** A warm-up (a tenth of the size, at least 1000 events: JIT, prepared statements, pool), then ROUNDS rounds with the sides in alternating order: each side's samples by round. */
async function runWorkload(workload: Workload, pgCpu: () => Promise<number | undefined>): Promise<Map<string, Sample[]>> {
  const sides = [workload.store, ...workload.baselines];
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
  // Same columns, defaults, identity, primary key, unique (tenant, stream_id, event_id) and (transaction_id, position) index.
  await pool.query('CREATE TABLE raw_streams (LIKE streams INCLUDING ALL); CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
  const pgCpu = await postgresCpuMeter(pool);
  const { rows } = await pool.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  process.stderr.write(`PostgreSQL ${rows[0].version}, scale ${SCALE}, ${ROUNDS} rounds + warm-up\n`);

  const writes: Workload[] = [
    {
      name: `single appends, ${WRITERS} writers`,
      size: Math.round(5000 * SCALE),
      store: { name: 'store', run: (n) => appendLoad(storeWrite(store), n, WRITERS, 1, APPENDS_PER_STREAM) },
      baselines: [
        { name: 'raw 5-round-trip tx', run: (n) => appendLoad(rawTransaction(pool), n, WRITERS, 1, APPENDS_PER_STREAM) },
        { name: 'raw autocommit INSERT', run: (n) => appendLoad(rawAutocommitInsert(pool), n, WRITERS, 1, APPENDS_PER_STREAM) },
      ],
      targetBaseline: 'raw 5-round-trip tx',
    },
    {
      name: `${BATCH}-event batches, ${BATCH_WRITERS} writers`,
      size: Math.round(30_000 * SCALE),
      store: { name: 'store', run: (n) => appendLoad(storeWrite(store), n, BATCH_WRITERS, BATCH, BATCHES_PER_STREAM) },
      baselines: [{ name: 'raw batch tx', run: (n) => appendLoad(rawTransaction(pool), n, BATCH_WRITERS, BATCH, BATCHES_PER_STREAM) }],
      targetBaseline: 'raw batch tx',
    },
  ];
  const reads: Workload = {
    name: `readAll, pages of ${PAGE}`,
    size: Math.round(150_000 * SCALE),
    store: { name: 'store', run: (n) => readStore(store, n) },
    baselines: [{ name: 'raw paged SELECT', run: (n) => readRaw(pool, n) }],
    targetBaseline: 'raw paged SELECT',
  };

  const results: { workload: Workload; samples: Map<string, Sample[]> }[] = [];
  for (const workload of writes) results.push({ workload, samples: await runWorkload(workload, pgCpu) });
  // The raw reader's checkpoint is `position`, which needs its own index; made only now so that the
  // raw writers paid exactly the store's index maintenance. VACUUM sets hint bits for both sides alike.
  await pool.query('CREATE INDEX ON raw_events (position)');
  await pool.query('VACUUM ANALYZE events, raw_events');
  results.push({ workload: reads, samples: await runWorkload(reads, pgCpu) });
  await store.close();
  report(results);
}

/** Rates are medians over rounds; the ratio is the median of per-round ratios, whose sides ran back to back. */
function report(results: { workload: Workload; samples: Map<string, Sample[]> }[]): void {
  const rows = results.flatMap(({ workload, samples }) => {
    const stores = samples.get('store')!;
    return workload.baselines.map((baseline) => {
      const raws = samples.get(baseline.name)!;
      const [store, raw] = [medianSample(stores), medianSample(raws)];
      const ratio = median(stores.map((s, round) => s.eventsPerSecond / raws[round].eventsPerSecond));
      const targeted = baseline.name === workload.targetBaseline;
      return {
        workload: workload.name,
        baseline: baseline.name,
        store,
        raw,
        ratio,
        target: targeted ? '≥ 1.0×' : 'aim',
        met: targeted ? ratio >= 1 : undefined,
      };
    });
  });
  const us = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(0));
  const table = [
    ['workload', 'baseline', 'store ev/s', 'raw ev/s', 'store/raw', 'target', 'CPU µs/event node store|raw', 'CPU µs/event pg store|raw'],
    ...rows.map((r) => [
      r.workload,
      r.baseline,
      Math.round(r.store.eventsPerSecond).toString(),
      Math.round(r.raw.eventsPerSecond).toString(),
      `${r.ratio.toFixed(2)}×`,
      r.met === undefined ? r.target : `${r.target} ${r.met ? 'met' : 'MISSED'}`,
      `${us(r.store.nodeCpuUsPerEvent)} | ${us(r.raw.nodeCpuUsPerEvent)}`,
      `${us(r.store.pgCpuUsPerEvent)} | ${us(r.raw.pgCpuUsPerEvent)}`,
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) console.log(row.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
  console.log(
    JSON.stringify({
      bench: 'store',
      scale: SCALE,
      rounds: ROUNDS,
      results: rows.map(({ workload, baseline, store, raw, ratio, met }) => ({ workload, baseline, store, raw, ratio, met })),
    }),
  );
}

withBenchDatabase(WRITERS + 4, (database) => bench(database.pool, database.url)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
