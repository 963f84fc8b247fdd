import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { NO_RATE_LIMITS } from './api';

/** The built service's entry point: what `npm start` runs (found from test/support, or from dist/test/support in a benchmark). */
const ROOT = resolve(__dirname, '../..');
const MAIN = basename(ROOT) === 'dist' ? join(ROOT, 'src/main.js') : join(ROOT, 'dist/src/main.js');

export interface BuiltServiceOptions {
  /** The HTTP port it is given (PORT); /health is asked there. */
  readonly port: number;
  /** Its own process group, so that a test can take down everything it started (its embedded PostgreSQL too). */
  readonly detached?: boolean;
  /** Where its stdout and stderr go (a file descriptor, e.g. of a log file); the test's own by default. */
  readonly output?: number;
  readonly timeoutMs?: number;
}

/**
 * Starts the built service with `env` over the test's environment (rate limits off unless `env`
 * sets them) and waits until /health answers
 * 200; fails at once, with its exit code, if the process ends first.
 */
export async function startBuiltService(
  env: Record<string, string>,
  { port, detached = false, timeoutMs = 60_000, output }: BuiltServiceOptions,
): Promise<ChildProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const service = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...NO_RATE_LIMITS, ...env, PORT: String(port) },
    stdio: ['ignore', output ?? 'inherit', output ?? 'inherit'],
    detached,
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return service;
    if (service.exitCode !== null || service.signalCode !== null)
      throw new Error(`the service exited with ${service.exitCode ?? service.signalCode} before it was healthy`);
    if (Date.now() > deadline) {
      service.kill('SIGKILL');
      throw new Error('the service did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
