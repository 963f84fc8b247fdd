/**
 * The peer side of `npm run bench:store`: Emmett's PostgreSQL event store (0.42) doing the same
 * workloads on the same server. It runs in a worker thread because Emmett's connection layer
 * (dumbo) replaces node-postgres's global type parsers (int8 → BigInt, jsonb through its own
 * serializer), which would change what the store's side measures; a worker has its own `pg`.
 * The main thread starts it with `emmettSide(url)` and asks for one workload at a time.
 */
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { Pool } from 'pg';
import { context } from '../test/support/events';
import { PAGE, runWorkload, WRITERS, type SideIo, type WorkloadKind } from './store-workloads';

interface Request {
  readonly kind: WorkloadKind;
  readonly size: number;
}

/** A running Emmett side: `run` does a workload in the worker and answers how many events it did. */
export interface EmmettSide {
  run(kind: WorkloadKind, size: number): Promise<number>;
  close(): Promise<void>;
}

export function emmettSide(connectionString: string): EmmettSide {
  const worker = new Worker(join(__dirname, 'emmett-side.js'), { workerData: connectionString });
  let queue = Promise.resolve(0);
  return {
    run: (kind, size) =>
      (queue = queue.then(
        () =>
          new Promise<number>((resolve, reject) => {
            worker.once('message', (reply: { events: number } | { error: string }) =>
              'events' in reply ? resolve(reply.events) : reject(new Error(`Emmett side: ${reply.error}`)),
            );
            worker.postMessage({ kind, size } satisfies Request);
          }),
      )),
    close: async () => void (await worker.terminate()),
  };
}

/** In the worker: Emmett on a pool as large as the store's, events with the store's metadata. */
function serve(connectionString: string): void {
  const pool = new Pool({ connectionString, max: WRITERS + 4 });
  const connection = dumbo({ connectionString, pool });
  const eventStore = getPostgreSQLEventStore(connectionString, { connectionOptions: { dumbo: connection } });
  const io: SideIo = {
    write: async (stream, events, head) => {
      await eventStore.appendToStream(
        `${stream.tenant}/${stream.id}`,
        events.map((e) => ({ type: e.type, data: e.data, metadata: { ...context, tenant: stream.tenant } })),
        // Emmett's stream version counts events: one past the store's last revision.
        { expectedStreamVersion: head < 0n ? STREAM_DOES_NOT_EXIST : head + 1n },
      );
    },
    read: async (total) => {
      let read = 0;
      let after = -1n;
      while (read < total) {
        const page = await readMessagesBatch(connection.execute, { after, batchSize: PAGE });
        read += page.messages.length;
        after = page.areMessagesLeft ? page.currentGlobalPosition : -1n;
      }
      return read;
    },
  };
  parentPort!.on('message', ({ kind, size }: Request) => {
    runWorkload(kind, size, io).then(
      (events) => parentPort!.postMessage({ events }),
      (error: Error) => parentPort!.postMessage({ error: error.stack ?? String(error) }),
    );
  });
}

if (!isMainThread) serve(workerData as string);
