/**
 * What every side of `npm run bench:store` does, by name, so that a side running in a thread of
 * its own (Emmett, whose pg type parsers are global) does exactly the same work.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent, StreamName } from '../src/event-store/event-store.port';

const TENANT = 'kommun-0188';
export const WRITERS = 16;
export const BATCH_WRITERS = 4;
export const BATCH = 100;
export const PAGE = 500;
/** Single appends: one in four creates its stream, the rest append to a head the writer just wrote. */
const APPENDS_PER_STREAM = 4;
const BATCHES_PER_STREAM = 2;
const PAYLOAD = { amountKr: 472200, paidOn: '2024-01-31', organisation: 'Brottsofferjouren Roslagen' };

// ---------------------------------------------------------------------------------------------
// Writers: the same streams, events and concurrency for every side; only `write` differs.

/** Writes `events` to `stream`, whose last revision is `head` (-1n: the stream is new). */
export type Write = (stream: StreamName, events: NewEvent[], head: bigint) => Promise<void>;

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

/** A workload of `bench:store`; a side does it through its own writer and reader. */
export type WorkloadKind = 'single' | 'batch' | 'read';

export interface SideIo {
  readonly write: Write;
  /** Pages through `total` events in global order, {@link PAGE} at a time, starting over at the end. */
  readonly read: (total: number) => Promise<number>;
}

/** About `size` events of `kind` through `io`; how many it did. */
export function runWorkload(kind: WorkloadKind, size: number, io: SideIo): Promise<number> {
  switch (kind) {
    case 'single':
      return appendLoad(io.write, size, WRITERS, 1, APPENDS_PER_STREAM);
    case 'batch':
      return appendLoad(io.write, size, BATCH_WRITERS, BATCH, BATCHES_PER_STREAM);
    case 'read':
      return io.read(size);
  }
}
