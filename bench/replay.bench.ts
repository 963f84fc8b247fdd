/**
 * `npm run bench:replay`: replay-and-verify throughput against the raw rate of XState's
 * `transition` on the same machine, in the same run (issue 4, acceptance).
 *
 * Loads BENCH_SCALE × 10 000 Linköping cases (the seed's commands decided once through the pure
 * lifecycle: 23 events each, fresh event ids per case) into tenant 'linkoping' of a throw-away
 * embedded PostgreSQL, or of a scratch database on BENCH_DATABASE_URL. Then, BENCH_ROUNDS
 * (default 3) times, in alternating order:
 *   raw     `transition(caseMachine, snapshot, event)` over every case's events, from
 *           `initialSnapshot()`, in memory (the events as read back from the store);
 *   verify  `new RecordVerifier(…).verifyAll('linkoping')`: list streams, read each stream and
 *           its head from PostgreSQL, recompute the hash chain, compare the head, re-fold through
 *           `evolve` under the machine version named in the metadata, the case streams of each
 *           batch shared between this thread and a verifier thread per other core (issue 16).
 * The ratio reported is the median of per-round verify/raw ratios (target ≥ 1.0: verifying on
 * every core at least as fast as XState's raw transition on one). On a shared,
 * busy machine wall-clock rates swing with the neighbours, so the CPU-time ratio is printed too:
 * raw's CPU per event over verify's (this process's plus PostgreSQL's, when local). A breakdown
 * measures verify's parts on their own: reads only, hash chain only, `evolve` fold only.
 * Verification must report the record intact with exact counts, or the benchmark fails; a missed
 * target does not fail it.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { transition } from 'xstate';
import { CaseVerifier } from '../src/audit/verify/case-verifier';
import { PostgresCaseSnapshots } from '../src/cases/shared/postgres-case-snapshots';
import type { Database } from '../src/database/database';
import { RecordVerifier } from '../src/audit/verify/record-verifier';
import { VerifierThreads } from '../src/audit/verify/verifier-threads';
import { linkoping } from '../src/demo/seed-cases';
import type { EventContext, JsonObject, NewEvent, StreamHead, StreamName } from '../src/event-store/event-store.port';
import { verifyChain } from '../src/event-store/hash-chain';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { asCaseEvents, type RecordedCaseEvent } from '../src/cases/shared/case-stream';
import {
  applyRecorded,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  caseMachine,
  initialSnapshot,
  toCaseEvent,
  type CaseEvent,
  type CaseSnapshot,
} from '../src/lifecycle';
import { SystemClock } from '../src/shared/clock';
import { seedEvents } from '../test/support/seeded-cases';
import { withBenchDatabase } from './bench-database';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CASES = Math.max(1, Math.round(10_000 * SCALE));
const TENANT = 'linkoping';
const WRITERS = 8;
const TARGET = 1.0;
const LIST_PAGE = 200;

const context: EventContext = {
  actorId: 'john.fristedt',
  actorName: 'John Fristedt',
  actorRole: 'handlaggare',
  commandId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  correlationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  causationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  machineId: CASE_MACHINE_ID,
  machineVersion: CASE_MACHINE_VERSION,
};

// ---------------------------------------------------------------------------------------------
// Data: the Linköping seed, application to termination, decided once.

async function load(store: PostgresEventStore, template: readonly CaseEvent[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < CASES) {
        next++;
        const events: NewEvent[] = template.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as JsonObject }));
        await store.append({ tenant: TENANT, id: `case-${randomUUID()}` }, events, { expectedRevision: 'no_stream', context });
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The sides. Each returns the number of events it processed.

interface CaseRecord {
  readonly events: readonly RecordedCaseEvent[];
  readonly head: StreamHead | undefined;
}

/** The verifier's reads alone, in its order: list a page of streams, then read them with their heads. */
async function readAllCases(store: PostgresEventStore, keep?: CaseRecord[]): Promise<number> {
  let events = 0;
  for (let page = await list(store); page.length > 0; page = await list(store, page.at(-1))) {
    for (const record of await store.readStreams(page)) {
      events += record.events.length;
      keep?.push({ events: asCaseEvents(record.events), head: record.head });
    }
  }
  return events;
}
const list = (store: PostgresEventStore, after?: StreamName) => store.listStreams({ tenant: TENANT, prefix: 'case-', after, maxCount: LIST_PAGE });

/** XState alone: the pure `transition`, each case from the initial snapshot. */
function rawTransition(cases: readonly (readonly CaseEvent[])[]): number {
  let events = 0;
  let last: CaseSnapshot | undefined;
  for (const stream of cases) {
    let snapshot = initialSnapshot(caseMachine);
    for (const event of stream) snapshot = transition(caseMachine, snapshot, event)[0];
    events += stream.length;
    last = snapshot;
  }
  if (last?.context.closed?.as !== 'terminated') throw new Error('raw fold did not end terminated');
  return events;
}

async function verify(verifier: RecordVerifier): Promise<number> {
  const result = await verifier.verifyAll(TENANT);
  const expectedEvents = CASES * EVENTS_PER_CASE;
  if (!result.intact || result.cases !== CASES || result.events !== expectedEvents || result.broken.length > 0) {
    throw new Error(
      `verification is wrong: expected intact, ${CASES} cases, ${expectedEvents} events; got ${JSON.stringify({ ...result, broken: result.broken.slice(0, 3) })}`,
    );
  }
  return result.events;
}
let EVENTS_PER_CASE = 0;

/** The hash chain and head comparison alone, on events already in memory. */
function hashOnly(cases: readonly CaseRecord[]): number {
  let events = 0;
  for (const c of cases) {
    const verdict = verifyChain(c.events, c.head);
    if (!verdict.intact) throw new Error(`chain broken in ${c.events[0]?.stream.id}: ${verdict.problem}`);
    events += verdict.events;
  }
  return events;
}

/** The verifier's re-fold alone (`applyRecorded`: upcast, then `evolve`, machine from the metadata), on events in memory. */
function foldOnly(cases: readonly CaseRecord[]): number {
  let events = 0;
  for (const c of cases) {
    let snapshot: CaseSnapshot | undefined;
    for (const recorded of c.events) {
      snapshot = applyRecorded(snapshot, recorded);
    }
    events += c.events.length;
  }
  return events;
}

// ---------------------------------------------------------------------------------------------
// Measuring: wall clock, this process's CPU and, when the server is local, PostgreSQL's.

interface Sample {
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly nodeCpuUsPerEvent: number;
  readonly pgCpuUsPerEvent?: number;
}

async function measure(pgCpu: () => Promise<number | undefined>, work: () => number | Promise<number>): Promise<Sample> {
  const pgBefore = await pgCpu();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const events = await work();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = await pgCpu();
  return {
    seconds,
    eventsPerSecond: events / seconds,
    nodeCpuUsPerEvent: (cpu.user + cpu.system) / events,
    pgCpuUsPerEvent: pgBefore === undefined || pgAfter === undefined ? undefined : (pgAfter - pgBefore) / events,
  };
}

/** CPU time (µs) of the PostgreSQL server: postmaster, live children, reaped children; undefined if not local. */
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

/** In-memory work: the server's CPU is not part of it (and idle pool connections closing meanwhile would skew it). */
const inMemory = async (): Promise<number | undefined> => undefined;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianSample = (samples: Sample[]) => samples.find((s) => s.eventsPerSecond === median(samples.map((t) => t.eventsPerSecond)))!;
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------

async function bench(pool: Pool, connectionString: string): Promise<void> {
  const store = new PostgresEventStore({ pool, connection: { connectionString }, clock: new SystemClock() });
  // The case snapshots beside it: the benchmark writes none, so verify reads an empty table, as a store without commands would.
  const snapshots = new PostgresCaseSnapshots({ pool } as Database);
  const pgCpu = await postgresCpuMeter(pool);
  const { rows } = await pool.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
  const template = seedEvents(linkoping);
  EVENTS_PER_CASE = template.length;
  log(`PostgreSQL ${rows[0].version}, scale ${SCALE}: ${CASES} cases × ${EVENTS_PER_CASE} events = ${CASES * EVENTS_PER_CASE}, ${ROUNDS} rounds + warm-up`);

  const loadStart = performance.now();
  await load(store, template);
  await pool.query('VACUUM ANALYZE events, streams');
  log(`  loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

  // Reads alone; what they return is the raw side's input, so both sides fold the very same events.
  const records: CaseRecord[] = [];
  const readSample = await measure(pgCpu, () => readAllCases(store, records));
  log(`  reads only: ${Math.round(readSample.eventsPerSecond)} events/s`);
  const cases = records.map((r) => r.events.map(toCaseEvent));
  if (cases.length !== CASES) throw new Error(`read ${cases.length} cases, loaded ${CASES}`);

  // Warm-up: JIT, prepared statements, pool (the raw side's input is every case's events as read back).
  rawTransition(cases.slice(0, 1000));
  hashOnly(records.slice(0, 1000));
  foldOnly(records.slice(0, 1000));
  const verifier = new CaseVerifier(store, snapshots);
  const threads = new VerifierThreads();
  const recordVerifier = new RecordVerifier(store, snapshots, threads);
  await verify(recordVerifier); // starts the verifier threads
  for (const r of records.slice(0, 500)) await verifier.verifyCase(TENANT, r.events[0].stream.id.slice('case-'.length));

  const raws: Sample[] = [];
  const verifies: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sides = [
      { name: 'raw transition', samples: raws, meter: inMemory, run: () => rawTransition(cases) },
      { name: 'replay-and-verify', samples: verifies, meter: pgCpu, run: () => verify(recordVerifier) },
    ];
    for (const side of round % 2 === 0 ? sides : sides.reverse()) {
      const sample = await measure(side.meter, side.run);
      side.samples.push(sample);
      log(`  round ${round + 1} · ${side.name}: ${Math.round(sample.eventsPerSecond)} events/s (${sample.seconds.toFixed(1)} s)`);
    }
  }
  const hashSample = await measure(inMemory, () => hashOnly(records));
  const foldSample = await measure(inMemory, () => foldOnly(records));
  await threads.onModuleDestroy();
  await store.close();

  report({
    raw: medianSample(raws),
    verify: medianSample(verifies),
    ratio: median(verifies.map((v, round) => v.eventsPerSecond / raws[round].eventsPerSecond)),
    cpuRatio: median(verifies.map((v, round) => raws[round].nodeCpuUsPerEvent / (v.nodeCpuUsPerEvent + (v.pgCpuUsPerEvent ?? 0)))),
    breakdown: { 'reads only (list + readStreams)': readSample, 'hash chain only (verifyChain)': hashSample, 'fold only (evolve)': foldSample },
  });
}

function report(r: { raw: Sample; verify: Sample; ratio: number; cpuRatio: number; breakdown: Record<string, Sample> }): void {
  const events = CASES * EVENTS_PER_CASE;
  const us = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(1));
  const row = (name: string, s: Sample, note = '') => [
    name,
    Math.round(s.eventsPerSecond).toString(),
    (1e6 / s.eventsPerSecond).toFixed(1),
    s.seconds.toFixed(1),
    us(s.nodeCpuUsPerEvent),
    us(s.pgCpuUsPerEvent),
    note,
  ];
  const met = r.ratio >= TARGET;
  const table = [
    ['measurement', 'events/s', 'µs/event', 's', 'CPU µs/event node', 'CPU µs/event pg', ''],
    row('raw XState transition', r.raw, 'in memory, median round'),
    row(
      'replay-and-verify (RecordVerifier.verifyAll)',
      r.verify,
      `ratio ${r.ratio.toFixed(2)}× (target ≥ ${TARGET}×: ${met ? 'met' : 'MISSED'}); CPU-time ratio ${r.cpuRatio.toFixed(2)}×`,
    ),
    ...Object.entries(r.breakdown).map(([name, s]) => row(`  ${name}`, s, 'breakdown, one run')),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((cells) => cells[c].length)));
  console.log(`${CASES} cases, ${events} events, tenant ${TENANT}, ${ROUNDS} rounds`);
  for (const cells of table)
    console.log(
      cells
        .map((cell, c) => (c >= 1 && c <= 5 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    );
  console.log(
    JSON.stringify({
      bench: 'replay',
      scale: SCALE,
      rounds: ROUNDS,
      cases: CASES,
      events,
      raw: r.raw,
      verify: r.verify,
      ratio: r.ratio,
      cpuRatio: r.cpuRatio,
      target: TARGET,
      met,
      breakdown: r.breakdown,
    }),
  );
}

async function main(): Promise<void> {
  await withBenchDatabase(WRITERS + 4, (database) => bench(database.pool, database.url));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
