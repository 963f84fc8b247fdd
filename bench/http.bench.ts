/**
 * `npm run bench:http`: case commands over HTTP against the limit of this machine, in the same run
 * (issue 12, item 7).
 *
 * Starts a throw-away embedded PostgreSQL (or uses BENCH_DATABASE_URL), then two processes on it:
 * the service (`dist/src/main.js`, or BENCH_SERVICE: another build's, for a before/after) and the
 * limit, a bare Node handler doing one INSERT per request (bench/bare-insert-server.ts). autocannon
 * drives both from this process, in the same way:
 *   registrations   `register` on new cases, 32 clients: the diarium series every one of them shares;
 *   throughput      `assign-officer` on distinct registered cases, 16 and 64 clients, closed loop;
 *   fixed rates     the same at 100, 300 and 600 requests/s, open loop: p50 / p99 from when each was due;
 *   case length     one command at a time, alternating between cases 15 events long and one case
 *                   1 500 events long (each answered command makes it one longer): p50 of each.
 * Aims (printed, met or not): ≥ 1 500 commands/s at 64 clients, ≥ 0.5× the bare handler,
 * p99 ≤ 50 ms at 300/s, revision 1 500 ≤ 1.5× revision 15. BENCH_SECONDS (default 8) per run.
 * The service runs with LOG_LEVEL=warn (BENCH_LOG_LEVEL) and rate limits off (RATE_LIMIT_PER_CALLER=0,
 * RATE_LIMIT_PER_ADDRESS=0), the scheduler and notification worker off; its projections run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { linkoping } from '../src/demo/seed-cases';
import { applicantOf, seedRequest } from '../src/demo/seed-requests';
import { stockholmDate } from '../src/lifecycle';
import { JWT_SECRET, tokenFor } from '../test/support/api';
import { freePort } from '../test/support/free-port';
import { withBenchDatabase } from './bench-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SERVICE = process.env.BENCH_SERVICE ?? join(__dirname, '../src/main.js');
const TENANT = 'linkoping';
const CASES = 2_000;
const SHORT = 15;
const LONG = 1_500;
const SAMPLES = 100;
const RATES = [100, 300, 600];
const AIMS = { commandsAt64: 1_500, ofBare: 0.5, p99At300: 50, longOverShort: 1.5 };

interface Target {
  readonly url: string;
  stop(): Promise<void>;
}

/** A Node process serving HTTP on a free port, ready once `readyPath` answers. */
async function startServer(script: string, env: Record<string, string>, readyPath: string): Promise<Target> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (Date.now() - started > 120_000) throw new Error(`${script} did not start`);
    if (
      await fetch(url + readyPath).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
  }
  return { url, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers other than 2xx, and requests that got none, by status ('error': none). */
  readonly failed: Record<string, number>;
}

const count = (into: Record<string, number>, key: string, n = 1) => n > 0 && (into[key] = (into[key] ?? 0) + n);

type Next = () => { path: string; body: object };

/** autocannon against `target`, closed loop (each client sends its next request when answered); each request's path and body from `next`. */
function cannon(target: Target, options: { connections: number; token: string; next: Next }): Promise<Run> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.url,
        connections: options.connections,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const { path, body } = options.next();
              return { ...request, path, body: JSON.stringify(body) };
            },
          },
        ],
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      },
      (error, result) => {
        if (error) return reject(error);
        const failed: Record<string, number> = {};
        for (const klass of ['1xx', '3xx', '4xx', '5xx'] as const) count(failed, klass, result[klass]);
        count(failed, 'error', result.errors);
        resolve({ perSecond: result['2xx'] / (result.duration || SECONDS), p50: result.latency.p50, p99: result.latency.p99, failed });
      },
    );
  });
}

/**
 * Requests sent at a fixed rate whatever the answers (open loop: autocannon's own rate limiting sends
 * in bursts), each timed from when it was due, so a slow answer delays no later request's clock.
 */
async function atRate(target: Target, token: string, rate: number, next: Next): Promise<Run> {
  const latencies: number[] = [];
  const sent: Promise<void>[] = [];
  const failed: Record<string, number> = {};
  const started = performance.now();
  for (let i = 0; i < rate * SECONDS; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, body } = next();
    sent.push(
      post(target, path, token, body).then(
        ({ status }) => void (status < 300 ? latencies.push(performance.now() - due) : count(failed, String(status))),
        () => void count(failed, 'error'),
      ),
    );
  }
  await Promise.all(sent);
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

async function post(target: Target, path: string, token: string, body: object): Promise<{ status: number; ms: number; json: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(target.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, ms: performance.now() - started, json };
}

async function inParallel<T>(count: number, clients: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) results[i] = await task(i);
    }),
  );
  return results;
}

/** Failures of all runs of a side, by status. */
function failures(runs: Record<string, Run>): string {
  const all: Record<string, number> = {};
  for (const run of Object.values(runs)) for (const [status, n] of Object.entries(run.failed)) count(all, status, n);
  return (
    Object.entries(all)
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ') || 'none'
  );
}

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const aim = (met: boolean) => (met ? 'met' : 'MISSED');

async function expectOk(answer: Promise<{ status: number; json: Record<string, unknown> }>, what: string): Promise<Record<string, unknown>> {
  const { status, json } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(json)}`);
  return json;
}

/** The tokens and bodies of the Linköping seed, dated today (the service runs on the system clock). */
async function callers() {
  const today = stockholmDate(new Date().toISOString());
  const organisation = await tokenFor({ roles: ['organisation'], tenant: TENANT, org: applicantOf(linkoping.submit) });
  const registrator = await tokenFor({ roles: ['registrator'], tenant: TENANT });
  const chef = await tokenFor({ roles: ['chef'], tenant: TENANT });
  let reassignments = 0;
  const reassign = () => ({ officer: { id: `officer-${++reassignments % 7}`, name: `Handläggare ${reassignments % 7}` }, assignedOn: today });
  return { organisation, registrator, chef, submit: seedRequest(linkoping.submit).body, register: { bodyCode: 'SON', registeredOn: today }, reassign };
}

type Callers = Awaited<ReturnType<typeof callers>>;

async function submitted(service: Target, who: Callers, count: number): Promise<string[]> {
  return inParallel(count, 16, async () => String((await expectOk(post(service, '/cases', who.organisation, who.submit), 'submit')).id));
}

/** Cases registered at 32 clients: how registrations fare when all of them take numbers from one series. */
async function registrations(service: Target, who: Callers, cases: readonly string[]) {
  const started = performance.now();
  const times = await inParallel(cases.length, 32, async (i) => {
    const answer = await post(service, `/cases/${cases[i]}/commands/register`, who.registrator, who.register);
    if (answer.status >= 300) throw new Error(`register: ${answer.status} ${JSON.stringify(answer.json)}`);
    return answer.ms;
  });
  return { perSecond: cases.length / ((performance.now() - started) / 1000), p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Cases `length` events long: submitted, registered, then reassigned. */
async function casesOfLength(service: Target, who: Callers, count: number, length: number): Promise<string[]> {
  const cases = await submitted(service, who, count);
  await inParallel(count, 16, async (i) => {
    await expectOk(post(service, `/cases/${cases[i]}/commands/register`, who.registrator, who.register), 'register');
    for (let revision = 2; revision < length; revision++) {
      await expectOk(post(service, `/cases/${cases[i]}/commands/assign-officer`, who.chef, who.reassign()), 'assign-officer');
    }
  });
  return cases;
}

/** One command at a time, alternating short and long: both see the same neighbours. */
async function caseLength(service: Target, who: Callers, short: readonly string[], long: string) {
  const times = { short: [] as number[], long: [] as number[] };
  for (let i = 0; i < SAMPLES; i++) {
    const a = await post(service, `/cases/${short[i]}/commands/assign-officer`, who.chef, who.reassign());
    const b = await post(service, `/cases/${long}/commands/assign-officer`, who.chef, who.reassign());
    if (a.status >= 300 || b.status >= 300) throw new Error(`assign-officer: ${a.status} / ${b.status}`);
    times.short.push(a.ms);
    times.long.push(b.ms);
  }
  return { short: percentile(times.short, 50), long: percentile(times.long, 50), shortP90: percentile(times.short, 90), longP90: percentile(times.long, 90) };
}

async function bench(databaseUrl: string, query: (sql: string) => Promise<unknown>): Promise<void> {
  await query('CREATE TABLE bench_bare (id bigserial PRIMARY KEY, path text NOT NULL, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())');
  const service = await startServer(
    SERVICE,
    {
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      PERSONAL_DATA_KEY: 'a bench master secret of at least thirty-two characters',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'false',
      SCHEDULER_ENABLED: 'false',
      NOTIFY_WORKER: 'false',
      RATE_LIMIT_PER_CALLER: '0',
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_FAILED_AUTH: '0',
    },
    '/health',
  );
  const bare = await startServer(join(__dirname, 'bare-insert-server.js'), { DATABASE_URL: databaseUrl }, '/ready').catch(async (error) => {
    await service.stop();
    throw error;
  });
  try {
    const who = await callers();
    const log = (line: string) => process.stdout.write(`${line}\n`);
    log(`service ${SERVICE}, ${SECONDS} s per run`);

    const cases = await submitted(service, who, CASES);
    const registered = await registrations(service, who, cases);
    log(`  registrations, 32 clients: ${Math.round(registered.perSecond)}/s, p50 ${ms(registered.p50)}, p99 ${ms(registered.p99)}`);

    let turn = 0;
    const command = () => ({ path: `/cases/${cases[turn++ % cases.length]}/commands/assign-officer`, body: who.reassign() });
    const insert = () => ({ path: `/bare/${turn++}`, body: who.reassign() });
    const sides = { service: { target: service, next: command }, bare: { target: bare, next: insert } };
    const runs: Record<string, Record<string, Run>> = { service: {}, bare: {} };
    for (const [name, side] of Object.entries(sides)) {
      await cannon(side.target, { connections: 16, token: who.chef, next: side.next }); // warm-up: JIT, pools, prepared statements
      for (const connections of [16, 64]) {
        runs[name][`c${connections}`] = await cannon(side.target, { connections, token: who.chef, next: side.next });
        log(`  ${name}, ${connections} clients: ${Math.round(runs[name][`c${connections}`].perSecond)}/s`);
      }
      for (const rate of RATES) {
        runs[name][`r${rate}`] = await atRate(side.target, who.chef, rate, side.next);
        log(`  ${name}, ${rate}/s: p50 ${ms(runs[name][`r${rate}`].p50)}, p99 ${ms(runs[name][`r${rate}`].p99)}`);
      }
    }

    const short = await casesOfLength(service, who, SAMPLES, SHORT);
    const [long] = await casesOfLength(service, who, 1, LONG);
    const lengths = await caseLength(service, who, short, long);

    const { service: s, bare: b } = runs;
    const table = [
      ['measurement', 'service', 'bare INSERT', 'ratio', 'aim'],
      ['commands/s, 16 clients', `${Math.round(s.c16.perSecond)}`, `${Math.round(b.c16.perSecond)}`, `${(s.c16.perSecond / b.c16.perSecond).toFixed(2)}×`, ''],
      [
        'commands/s, 64 clients',
        `${Math.round(s.c64.perSecond)}`,
        `${Math.round(b.c64.perSecond)}`,
        `${(s.c64.perSecond / b.c64.perSecond).toFixed(2)}×`,
        `≥ ${AIMS.commandsAt64}/s ${aim(s.c64.perSecond >= AIMS.commandsAt64)}; ≥ ${AIMS.ofBare}× ${aim(s.c64.perSecond / b.c64.perSecond >= AIMS.ofBare)}`,
      ],
      ...RATES.map((rate) => [
        `p50 / p99 at ${rate}/s`,
        `${ms(s[`r${rate}`].p50)} / ${ms(s[`r${rate}`].p99)}`,
        `${ms(b[`r${rate}`].p50)} / ${ms(b[`r${rate}`].p99)}`,
        '',
        rate === 300 ? `p99 ≤ ${AIMS.p99At300} ms ${aim(s.r300.p99 <= AIMS.p99At300)}` : '',
      ]),
      ['failed requests (all runs)', failures(s), failures(b), '', ''],
      ['registrations, 32 clients', `${Math.round(registered.perSecond)}/s, p50 ${ms(registered.p50)}, p99 ${ms(registered.p99)}`, '', '', ''],
      [
        `command p50 (p90): revision ${SHORT} vs ${LONG}`,
        `${ms(lengths.short)} (${ms(lengths.shortP90)}) vs ${ms(lengths.long)} (${ms(lengths.longP90)})`,
        '',
        `${(lengths.long / lengths.short).toFixed(2)}×`,
        `≤ ${AIMS.longOverShort}× ${aim(lengths.long / lengths.short <= AIMS.longOverShort)}`,
      ],
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    for (const row of table) log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
    log(JSON.stringify({ bench: 'http', seconds: SECONDS, service: s, bare: b, registrations: registered, caseLength: lengths }));
  } finally {
    await Promise.all([service.stop(), bare.stop()]);
  }
}

void withBenchDatabase(4, (database) => bench(database.url, (sql) => database.pool.query(sql))).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
