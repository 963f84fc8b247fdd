import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { caseVerdictsOf, type CaseToVerify, type CaseVerdictWithNumber } from './case-verdict';

export interface VerifierThreadsOptions {
  /** Worker threads beside the caller's; default: one per core but the caller's. 0: verify on the caller's thread only. */
  readonly threads?: number;
  /** The worker's script; default: the built verify-worker.js beside this module. */
  readonly script?: string;
  /** Node options for the workers (a test runs the TypeScript source through a require hook). */
  readonly execArgv?: string[];
}

type Reply = { verdicts: CaseVerdictWithNumber[] } | { error: string };

/**
 * Case verification on every core: a batch of case streams is cut into one share per thread, the
 * caller's own thread verifying the first while the workers verify the rest; verdicts come back in
 * the order of the batch. Verifying is pure computation (chain, fold), so a share goes to a worker
 * as data and nothing else is shared. Where there is no built worker script (TypeScript run from
 * source), everything is verified on the caller's thread.
 */
@Injectable()
export class VerifierThreads implements OnModuleDestroy {
  private readonly threads: number;
  private readonly script: string;
  private readonly execArgv?: string[];
  private workers?: { worker: Worker; replies: ((reply: Reply) => void)[] }[];

  constructor(options: VerifierThreadsOptions = {}) {
    this.script = options.script ?? join(__dirname, 'verify-worker.js');
    this.threads = existsSync(this.script) ? (options.threads ?? Math.max(0, availableParallelism() - 1)) : 0;
    this.execArgv = options.execArgv;
  }

  async verdicts(cases: readonly CaseToVerify[]): Promise<CaseVerdictWithNumber[]> {
    const workers = this.start();
    // The caller's thread also parses the next batch as it arrives: it takes half a worker's share.
    const shares = cut(cases, [0.5, ...workers.map(() => 1)]);
    const remote = shares.slice(1).map((share, i) => (share.length === 0 ? Promise.resolve([]) : this.ask(workers[i], share)));
    const local = caseVerdictsOf(shares[0]);
    return [local, ...(await Promise.all(remote))].flat();
  }

  async onModuleDestroy(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private start(): NonNullable<typeof this.workers> {
    this.workers ??= Array.from({ length: this.threads }, () => {
      const worker = new Worker(this.script, { execArgv: this.execArgv });
      const entry = { worker, replies: [] as ((reply: Reply) => void)[] };
      worker.on('message', (reply: Reply) => entry.replies.shift()?.(reply));
      worker.on('error', (error) => {
        for (const answer of entry.replies.splice(0)) answer({ error: error.stack ?? error.message });
      });
      worker.unref(); // an idle verifier keeps no process alive
      return entry;
    });
    return this.workers;
  }

  private ask(entry: NonNullable<typeof this.workers>[number], share: CaseToVerify[]): Promise<CaseVerdictWithNumber[]> {
    return new Promise((resolve, reject) => {
      entry.replies.push((reply) => ('verdicts' in reply ? resolve(reply.verdicts) : reject(new Error(`verifier thread: ${reply.error}`))));
      entry.worker.postMessage(share);
    });
  }
}

/** `items` in consecutive shares proportional to `weights`. */
function cut<T>(items: readonly T[], weights: readonly number[]): T[][] {
  const total = weights.reduce((a, b) => a + b, 0);
  let start = 0;
  let weight = 0;
  return weights.map((w) => {
    weight += w;
    const end = Math.round((items.length * weight) / total);
    const share = items.slice(start, end);
    start = end;
    return share;
  });
}
