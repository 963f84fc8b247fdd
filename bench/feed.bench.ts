/**
 * `npm run bench:feed`: one calendar-feed request over a tenant of BENCH_SCALE × 14 000 cases
 * (15 deadlines each, spread over six years around today), against the service in this process,
 * while /health is polled every 20 ms, in a throw-away embedded PostgreSQL or a scratch database
 * on BENCH_DATABASE_URL.
 *
 * For each phase: the request's time, bytes and events, the heap it grew (peak, sampled), the
 * event loop's longest delay (perf_hooks monitorEventLoopDelay) and /health's latencies.
 *   idle      nothing but the polling: the baseline every ratio is taken against.
 *   unbounded the feed as main served it before the limits: the whole window (a year back, three
 *             ahead) read in one query and rendered as one document, in one turn of the loop (with
 *             today's renderer: main's ical-generator line folding took 400 s for it here).
 *   feed      GET /deadlines.ics as it is now: bounded (FEED_MAX_EVENTS) and streamed page by page.
 *   feed-all  the same with FEED_MAX_EVENTS at its maximum (50 000): what streaming alone does.
 * Target: the loop never held for more than tens of milliseconds (max delay ≤ 50 ms) and /health
 * answering within that while the feed is produced.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { createApp } from '../src/app';
import { stockholmDate } from '../src/calendar';
import { AppConfig, loadConfig } from '../src/config/app-config';
import { feedWindow } from '../src/deadlines/feed/feed-window';
import { icalFeed } from '../src/deadlines/feed/ical-feed';
import { readDeadlines } from '../src/deadlines/views/list-deadlines/deadline-rows';
import { createLogger } from '../src/logging/logger';
import { FixedClock } from '../src/shared/clock';
import { JWT_SECRET, tokenFor } from '../test/support/api';
import { seedDeadlineRows } from '../test/support/seeded-deadlines';
import { withBenchDatabase } from './bench-database';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = Math.max(1, Math.round(14_000 * SCALE));
const DEADLINES_PER_CASE = 15;
const TENANT = 'linkoping';
const NOW = new Date('2026-06-15T10:00:00Z');
const POLL_MS = 20;
const TARGET_MAX_DELAY_MS = 50;

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Phase {
  name: string;
  totalMs: number;
  bytes: number;
  events: number;
  heapGrowth: number;
  maxDelayMs: number;
  p99DelayMs: number;
  health: number[];
  /** The longest time without a /health answer. */
  longestSilenceMs: number;
}

/** Runs `work` while /health is polled and the event loop and heap are watched. */
async function measure(name: string, baseUrl: string, work: () => Promise<{ bytes: number; events: number }>): Promise<Phase> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  const health: number[] = [];
  const answeredAt: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const start = performance.now();
      // A kept-alive socket the server closes as it is reused resets; the poll is then made again.
      const response = await fetch(`${baseUrl}/health`).catch(() => fetch(`${baseUrl}/health`));
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
      health.push(performance.now() - start);
      answeredAt.push(performance.now());
      await sleep(POLL_MS);
    }
  })();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  await sleep(3 * POLL_MS);
  delay.enable();
  const start = performance.now();
  const { bytes, events } = await work();
  const end = performance.now();
  const totalMs = end - start;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  await sleep(3 * POLL_MS);
  delay.disable();
  clearInterval(sampler);
  polling = false;
  await poller;
  const during = [start, ...answeredAt.filter((at) => at > start && at < end), end];
  const longestSilenceMs = Math.max(...during.slice(1).map((at, i) => at - during[i]));
  return {
    name,
    totalMs,
    bytes,
    events,
    heapGrowth: heapPeak - heapBefore,
    maxDelayMs: delay.max / 1e6,
    p99DelayMs: delay.percentile(99) / 1e6,
    health,
    longestSilenceMs,
  };
}

async function startService(url: string, maxEvents: number): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    SCHEDULER_ENABLED: 'false',
    NOTIFY_WORKER: 'false',
    ANCHOR_INTERVAL_MS: '0',
    FEED_MAX_EVENTS: String(maxEvents),
  });
  const app = await createApp(config, createLogger('silent'), new FixedClock(NOW));
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** Reads a response body as a calendar app would, counting bytes and events without keeping it. */
async function download(response: Response): Promise<{ bytes: number; events: number }> {
  if (response.status !== 200) throw new Error(`the feed answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let events = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) {
    bytes += chunk.byteLength;
    // A line may straddle two chunks: the last one is counted with the next chunk.
    const lines = (tail + decoder.decode(chunk, { stream: true })).split('\r\n');
    tail = lines.pop()!;
    events += lines.filter((line) => line === 'BEGIN:VEVENT').length;
  }
  return { bytes, events };
}

async function feedToken(baseUrl: string): Promise<string> {
  const token = await tokenFor({ roles: ['handlaggare'], tenant: TENANT, sub: 'officer-1' });
  const response = await fetch(`${baseUrl}/deadlines/feed-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'tenant' }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The feed as main served it: every deadline of the window in one read, rendered as one document at once. */
async function unboundedFeed(pool: Pool): Promise<{ bytes: number; events: number }> {
  const today = stockholmDate(NOW.toISOString());
  const { from, to } = feedWindow({ FEED_PAST_DAYS: 366, FEED_FUTURE_DAYS: 1096, FEED_MAX_EVENTS: 1 }, today);
  const { items } = await readDeadlines(pool, { tenant: TENANT, from, to }, today);
  const chunks: string[] = [];
  const onePage = (async function* () {
    yield items;
  })();
  for await (const chunk of icalFeed(onePage, { name: 'bench', baseUrl: 'http://localhost:3000', host: 'localhost', stamp: NOW })) chunks.push(chunk);
  const document = chunks.join('');
  return { bytes: Buffer.byteLength(document), events: items.length };
}

function report(phase: Phase, baseline: Phase): void {
  const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
  const healthMax = Math.max(...phase.health);
  const silence = phase.totalMs > 0 ? `, longest without an answer ${ms(phase.longestSilenceMs)}` : '';
  log(
    `${phase.name.padEnd(9)}  ${phase.totalMs > 0 ? ms(phase.totalMs).padStart(10) : '         —'}  ${mb(phase.bytes).padStart(8)}  ${String(phase.events).padStart(6)} events` +
      `  heap +${mb(phase.heapGrowth).padStart(8)}  loop delay max ${ms(phase.maxDelayMs).padStart(9)} (${ratio(phase.maxDelayMs, baseline.maxDelayMs)} idle), p99 ${ms(phase.p99DelayMs)}` +
      `  /health ${phase.health.length} polls, p50 ${ms(quantile(phase.health, 0.5))}, max ${ms(healthMax)} (${ratio(healthMax, Math.max(...baseline.health))} idle)${silence}`,
  );
}

async function main(): Promise<void> {
  if (!global.gc) log('(run with --expose-gc for steadier heap figures)');
  await withBenchDatabase(10, async (database) => {
    const start = performance.now();
    // Every case's deadlines spread over two years back and four ahead.
    const offsets = Array.from({ length: DEADLINES_PER_CASE }, (_, d) => -730 + d * 146);
    await seedDeadlineRows(database.pool, { tenant: TENANT, cases: CASES, today: stockholmDate(NOW.toISOString()), offsets, spread: 146 });
    log(`${database.version}: ${CASES} cases × ${DEADLINES_PER_CASE} deadlines in ${TENANT}, seeded in ${ms(performance.now() - start)}`);
    const phases: Phase[] = [];
    // The unbounded read goes last: the garbage it leaves would otherwise be collected during the others.
    for (const [name, maxEvents] of [
      ['feed', new AppConfig().FEED_MAX_EVENTS],
      ['feed-all', 50_000],
    ] as const) {
      const { app, baseUrl } = await startService(database.url, maxEvents);
      try {
        const url = `${baseUrl}/deadlines.ics?token=${encodeURIComponent(await feedToken(baseUrl))}`;
        // Warm: the first request compiles the route and the renderer.
        await download(await fetch(url));
        if (phases.length === 0) phases.push({ ...(await measure('idle', baseUrl, () => sleep(2_000).then(() => ({ bytes: 0, events: 0 })))), totalMs: 0 });
        phases.push(await measure(name, baseUrl, async () => download(await fetch(url))));
        if (name === 'feed-all') phases.push(await measure('unbounded', baseUrl, () => unboundedFeed(database.pool)));
      } finally {
        await app.close();
      }
    }
    const [idle, ...measured] = phases;
    const unbounded = measured.find((phase) => phase.name === 'unbounded')!;
    const bounded = measured.filter((phase) => phase !== unbounded);
    for (const phase of phases) report(phase, idle);
    for (const phase of bounded) {
      log(
        `${phase.name}: loop delay max ${ms(phase.maxDelayMs)} vs unbounded ${ms(unbounded.maxDelayMs)} (${(unbounded.maxDelayMs / phase.maxDelayMs).toFixed(0)}× shorter); ` +
          `/health's longest silence ${ms(phase.longestSilenceMs)} vs ${ms(unbounded.longestSilenceMs)}; ` +
          `target max delay ≤ ${TARGET_MAX_DELAY_MS} ms: ${phase.maxDelayMs <= TARGET_MAX_DELAY_MS ? 'met' : 'NOT met'}`,
      );
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
