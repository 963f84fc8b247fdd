/**
 * `npm run bench:deadlines`: the deadline scheduler with BENCH_SCALE × 100 000 cases' timers in
 * the table (10 pending timers per case, due over the next three years), in a throw-away embedded
 * PostgreSQL or a scratch database on BENCH_DATABASE_URL.
 *
 * 1. Latency: with the scheduler running (sleeping until the next timer, woken by NOTIFY), bursts
 *    of 1, 10, 100 and 1000 real cases' expiry timers fall due at one moment; for each, the time
 *    from its due moment to its AgreementExpired event being appended (the event's recordedAt).
 *    Baseline: a plain append of the same event by a caller (what an official's command costs).
 *    BENCH_INSTANCES=2 runs the scheduler of two instances on the one database (the second on a
 *    worker thread, each with its own pool, store and wake-ups; SKIP LOCKED shares the due timers). Target: p99 under 0.5 s.
 * 2. Work per wake-up: with 1, 10, 100, 1000 timers due, the claim query's buffers and rows
 *    (EXPLAIN ANALYZE BUFFERS), the next-timer query's, and the statements one `runDue` sends.
 *    Baseline: the same claim answered by scanning the table (what polling all timers costs).
 *    Target: work that grows with the due timers, not with all timers.
 */
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { AppConfig, loadConfig } from '../src/config/app-config';
import type { Database } from '../src/database/database';
import { DeadlineScheduler } from '../src/deadlines/scheduler';
import { deadlineSettingsFrom } from '../src/deadlines/timer-settings';
import { timersOf } from '../src/deadlines/timer-policy';
import { TimerFiring } from '../src/deadlines/timers/timer-firing';
import { TimerTable } from '../src/deadlines/timers/timer-table';
import { TIMERS_CHANNEL, TimerWake } from '../src/deadlines/timers/timers.projection';
import { linkoping } from '../src/demo/seed-cases';
import type { JsonObject } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { CASE_MACHINE_VERSION, evolve, initialSnapshot } from '../src/lifecycle';
import { OUTBOX_CHANNEL, OutboxWake, PostgresNotificationOutbox } from '../src/notifications/postgres-notification-outbox';
import { PostgresCaseSnapshots } from '../src/cases/shared/postgres-case-snapshots';
import { CaseRepository } from '../src/cases/shared/case-repository';
import { DataSubjects } from '../src/personal-data/data-subjects';
import { MasterKey } from '../src/personal-data/field-cipher';
import { PersonalData } from '../src/personal-data/personal-data';
import { SystemClock } from '../src/shared/clock';
import { appendCase, seedEvents } from '../test/support/seeded-cases';
import { withBenchDatabase } from './bench-database';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = Math.max(1, Math.round(100_000 * SCALE));
const TIMERS_PER_CASE = 10;
const BURSTS = [1, 10, 100, 1000];
const TENANT = 'linkoping';
const TARGET_P99_MS = 500;
/** BENCH_INSTANCES (default 1): deadline schedulers running on the one database, as in that many service instances. */
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const POOL_SIZE = 16;
const LEAD_MS = 1500;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** One instance's deadline scheduler, as the service builds it: its own store, tables, wakes and (unless given) pool. */
function schedulerInstance(pool: Pool, url: string, config: AppConfig, clock: SystemClock) {
  const connection = { connectionString: url };
  const store = new PostgresEventStore({ pool, connection, clock });
  const db = { pool, connection } as Database;
  const table = new TimerTable(db);
  const subjects = new DataSubjects(db, new MasterKey('a bench master secret of at least thirty-two characters'), clock);
  const outboxWake = new OutboxWake(db, OUTBOX_CHANNEL);
  const scheduler = new DeadlineScheduler(
    new TimerFiring(
      table,
      new PostgresNotificationOutbox(outboxWake),
      deadlineSettingsFrom(config),
      store,
      new CaseRepository(store, new PersonalData(subjects), new PostgresCaseSnapshots(db)),
      subjects,
    ),
    table,
    new TimerWake(db, TIMERS_CHANNEL),
    clock,
    config,
    pino({ level: 'warn' }),
  );
  return { store, scheduler, close: () => Promise.all([outboxWake.close(), store.close()]) };
}

const configFor = (url: string): AppConfig =>
  loadConfig({
    DATABASE_URL: url,
    SCHEDULER_BATCH_SIZE: process.env.SCHEDULER_BATCH_SIZE ?? '50',
    SCHEDULER_CONCURRENCY: process.env.SCHEDULER_CONCURRENCY ?? '4',
    SCHEDULER_MAX_SLEEP_MS: '60000',
  });

/** Another instance's scheduler on a worker thread, with a pool of its own; resolves once it runs, to a function that stops it. */
async function startInstanceThread(url: string): Promise<() => Promise<void>> {
  const worker = new Worker(__filename, { workerData: url });
  const message = (expected: string) =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', (m: string) => (m === expected ? resolve() : reject(new Error(`instance thread: ${m}`))));
      worker.once('error', reject);
    });
  await message('started');
  return async () => {
    const stopped = message('stopped');
    worker.postMessage('stop');
    await stopped;
    await worker.terminate();
  };
}

/** In an instance thread: the scheduler, until told to stop. */
async function runInstance(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  const instance = schedulerInstance(pool, url, configFor(url), new SystemClock());
  instance.scheduler.start();
  parentPort!.once('message', async () => {
    await instance.scheduler.stop();
    await instance.close();
    await pool.end();
    parentPort!.postMessage('stopped');
  });
  parentPort!.postMessage('started');
}

async function bench(pool: Pool, url: string): Promise<void> {
  const clock = new SystemClock();
  const config = configFor(url);
  const settings = deadlineSettingsFrom(config);
  const first = schedulerInstance(pool, url, config, clock);
  const { store, scheduler } = first;
  const { rows: version } = await pool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  log(`PostgreSQL ${version[0].v}: ${CASES} cases × ${TIMERS_PER_CASE} timers`);

  // The table: every case's timers, pending, spread over three years from tomorrow.
  let start = performance.now();
  await pool.query(
    `INSERT INTO timers (tenant, case_id, key, kind, occasion, due_on, deadline_on, days_before, due_at, fire_at, command, recipients, deadline, updated_at)
     SELECT 'filler', md5(c::text)::uuid, 'timer-' || k, 'yearly-payment', 'due', d::date, d::date, 0, d, d, NULL, ARRAY['officer'], '{}'::jsonb, now()
       FROM generate_series(1, $1::int) c, generate_series(1, $2::int) k,
            LATERAL (SELECT now() + interval '1 day' + ((c * $2::int + k) % 1095) * interval '1 day' + (k * interval '1 hour') AS d) due`,
    [CASES, TIMERS_PER_CASE],
  );
  await pool.query('VACUUM ANALYZE timers');
  log(`  ${CASES * TIMERS_PER_CASE} timers in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  // Real cases to act on: active Linköping agreements past their period (the engine records the expiry).
  const template = seedEvents(linkoping, 'payment2024');
  const expiry = timersOf(template.reduce(evolve, initialSnapshot()).context, settings).find((t) => t.key === 'period-ends/act')!;
  start = performance.now();
  const real = await appendCases(store, 2 * BURSTS.reduce((a, b) => a + b, 0) + 200, template);
  log(`  ${real.length} real cases in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const take = (n: number) => real.splice(0, n);
  const arm = async (caseIds: readonly string[], dueAt: Date) => {
    await pool.query(
      `INSERT INTO timers (tenant, case_id, key, kind, occasion, due_on, deadline_on, days_before, due_at, fire_at, command, recipients, deadline, updated_at)
       SELECT $1, id, $3, 'period-ends', 'acted', $4, $5, 0, $6, $6, 'record-expiry', $7, $8, now() FROM unnest($2::uuid[]) id`,
      [TENANT, caseIds, expiry.key, expiry.dueOn, expiry.deadlineOn, dueAt, expiry.recipients, JSON.stringify(expiry.deadline)],
    );
    // As the projection records it: the revision the timers were computed from.
    await pool.query(`INSERT INTO timer_cases (tenant, case_id, revision) SELECT $1, id, $3 FROM unnest($2::uuid[]) id`, [
      TENANT,
      caseIds,
      template.length - 1,
    ]);
    await pool.query(`SELECT pg_notify('iop_timers', '')`);
  };

  // Baseline for latency: a caller's plain append of the same event.
  const appendMs: number[] = [];
  for (const caseId of take(200)) {
    const before = performance.now();
    await store.append(
      { tenant: TENANT, id: `case-${caseId}` },
      [{ id: randomUUID(), type: 'AgreementExpired', data: { expiredOn: '2025-12-31', at: clock.now().toISOString() } as JsonObject }],
      {
        expectedRevision: BigInt(template.length - 1),
        context: {
          actorId: 'bench',
          actorName: 'Bench',
          actorRole: 'handlaggare',
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          machineId: 'iopCase',
          machineVersion: CASE_MACHINE_VERSION,
        },
      },
    );
    appendMs.push(performance.now() - before);
  }

  // 1. Latency, the schedulers of every instance running: the others on threads of their own, as
  // other processes would be (a core each, where there are cores).
  scheduler.start();
  const others = await Promise.all(Array.from({ length: INSTANCES - 1 }, () => startInstanceThread(url)));
  await sleep(500);
  const latency: Record<number, number[]> = {};
  for (const burst of BURSTS) {
    const cases = take(burst);
    const dueAt = new Date(Date.now() + LEAD_MS);
    await arm(cases, dueAt);
    latency[burst] = await appendedAfter(pool, cases, dueAt);
    log(`  burst ${burst}: median ${quantile(latency[burst], 0.5).toFixed(0)} ms, p99 ${quantile(latency[burst], 0.99).toFixed(0)} ms`);
  }
  await scheduler.stop();
  await Promise.all(others.map((stop) => stop()));

  // 2. Work per wake-up, the scheduler stopped: N due, then one runDue.
  const work = [];
  for (const due of BURSTS) {
    const cases = take(due);
    await arm(cases, new Date(Date.now() - 1000));
    await pool.query('ANALYZE timers');
    // The scheduler's two claims (acting, then notifying timers), and the same question answered by reading the table.
    const claimSql = (acting: boolean) =>
      `SELECT * FROM timers WHERE status = 'pending' AND command IS ${acting ? 'NOT NULL' : 'NULL'} AND fire_at <= now() ORDER BY fire_at LIMIT ${config.SCHEDULER_BATCH_SIZE} FOR UPDATE SKIP LOCKED`;
    const claim = sum(await explain(pool, claimSql(true)), await explain(pool, claimSql(false)));
    const scan = await explain(
      pool,
      `SELECT * FROM timers WHERE status = 'pending' AND fire_at <= now() ORDER BY command IS NULL, fire_at LIMIT ${config.SCHEDULER_BATCH_SIZE} FOR UPDATE SKIP LOCKED`,
      true,
    );
    const next = await explain(
      pool,
      `SELECT least((SELECT min(fire_at) FROM timers WHERE status = 'pending' AND command IS NOT NULL), (SELECT min(fire_at) FROM timers WHERE status = 'pending' AND command IS NULL))`,
    );
    const counted = await countQueries(async () => {
      const run = await scheduler.runDue();
      if (run.fired !== due) throw new Error(`expected ${due} fired, got ${JSON.stringify(run)}`);
      await scheduler.nextDueAt();
    });
    work.push({ due, claim, scan, next, statements: counted.statements, runMs: counted.ms });
  }
  await first.close();

  const all = BURSTS.flatMap((b) => latency[b]);
  const appendMedian = quantile(appendMs, 0.5);
  const p99 = quantile(all, 0.99);
  console.log(
    `${CASES * TIMERS_PER_CASE} pending timers (${CASES} cases) + the due ones; ${INSTANCES} instance(s), batch size ${config.SCHEDULER_BATCH_SIZE}, concurrency ${config.SCHEDULER_CONCURRENCY}`,
  );
  console.log('\nDue moment → event appended (ms)');
  printTable([
    ['due at once', 'median', 'p99', 'max'],
    ...BURSTS.map((b) => [String(b), quantile(latency[b], 0.5).toFixed(0), quantile(latency[b], 0.99).toFixed(0), Math.max(...latency[b]).toFixed(0)]),
    ['all', quantile(all, 0.5).toFixed(0), p99.toFixed(0), Math.max(...all).toFixed(0)],
  ]);
  console.log(
    `baseline: a plain append takes ${appendMedian.toFixed(1)} ms (median); scheduler median ${(quantile(all, 0.5) / appendMedian).toFixed(1)}× that. ` +
      `p99 ${p99.toFixed(0)} ms (target < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'})`,
  );
  console.log('\nDatabase work per wake-up');
  printTable([
    [
      'due',
      'claim buffers',
      'claim rows read',
      'scan buffers (baseline)',
      'scan rows read',
      'baseline/claim',
      'next-timer buffers',
      'statements',
      'statements/timer',
      'runDue ms',
    ],
    ...work.map((w) => [
      String(w.due),
      String(w.claim.buffers),
      String(w.claim.rowsRead),
      String(w.scan.buffers),
      String(w.scan.rowsRead),
      `${(w.scan.buffers / w.claim.buffers).toFixed(0)}×`,
      String(w.next.buffers),
      String(w.statements),
      (w.statements / w.due).toFixed(1),
      w.runMs.toFixed(0),
    ]),
  ]);
  console.log(
    JSON.stringify({
      bench: 'deadlines',
      cases: CASES,
      timers: CASES * TIMERS_PER_CASE,
      instances: INSTANCES,
      latency: { medianMs: quantile(all, 0.5), p99Ms: p99, targetMs: TARGET_P99_MS, met: p99 < TARGET_P99_MS, appendMedianMs: appendMedian },
      work,
    }),
  );
}

async function appendCases(store: PostgresEventStore, count: number, template: ReturnType<typeof seedEvents>): Promise<string[]> {
  let started = 0;
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (; started < count; started++) ids.push(await appendCase(store, TENANT, template));
    }),
  );
  return ids;
}

/** Waits until every case has its AgreementExpired; returns each one's milliseconds from the due moment to its recordedAt. */
async function appendedAfter(pool: Pool, caseIds: readonly string[], dueAt: Date): Promise<number[]> {
  const streams = caseIds.map((id) => `case-${id}`);
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
    const { rows } = await pool.query<{ recorded: string }>(
      `SELECT metadata->>'recordedAt' AS recorded FROM events WHERE tenant = $1 AND stream_id = ANY($2::text[]) AND type = 'AgreementExpired'`,
      [TENANT, streams],
    );
    if (rows.length === caseIds.length) return rows.map((r) => Date.parse(r.recorded) - dueAt.getTime());
  }
  throw new Error('timers did not fire within two minutes');
}

interface Plan {
  readonly buffers: number;
  readonly rowsRead: number;
}

const sum = (a: Plan, b: Plan): Plan => ({ buffers: a.buffers + b.buffers, rowsRead: a.rowsRead + b.rowsRead });

/** Shared buffers touched and rows read by the plan's scans, from EXPLAIN (ANALYZE, BUFFERS); `scan` forbids the index. */
async function explain(pool: Pool, sql: string, scan = false): Promise<Plan> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (scan) await client.query('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexonlyscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`);
    const plan = rows[0]['QUERY PLAN'][0].Plan;
    return { buffers: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'], rowsRead: scannedRows(plan) };
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

function scannedRows(node: PlanNode): number {
  const own = /Scan/.test(node['Node Type']) ? node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((total, child) => total + scannedRows(child), 0);
}

/** Statements sent to PostgreSQL (by any client of this process) while `work` runs. */
async function countQueries(work: () => Promise<void>): Promise<{ statements: number; ms: number }> {
  const original = Client.prototype.query;
  let statements = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    statements++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const start = performance.now();
  try {
    await work();
    return { statements, ms: performance.now() - start };
  } finally {
    Client.prototype.query = original;
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((cells) => cells[c].length)));
  for (const cells of rows) console.log(cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

if (isMainThread) {
  withBenchDatabase(POOL_SIZE, (database) => bench(database.pool, database.url)).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  runInstance(workerData as string).catch((error: Error) => parentPort!.postMessage(error.stack ?? String(error)));
}
