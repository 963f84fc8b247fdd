import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata, JsonObject, StreamHead, StreamName } from './event-store.port';

/** The hash before a stream's first event. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

export interface HashedFields {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) of everything that makes up an event, so that anyone
 * can recompute the chain from an export with any JCS implementation. Written out by hand in JCS
 * key order (data, id, metadata, revision, stream, tenant, type) because appends hash every event:
 * the metadata, the same for a whole batch, can be canonicalised once and passed in.
 */
export function canonicalForm(event: HashedFields, canonicalMetadata = jcs(event.metadata)): string {
  return (
    `{"data":${jcs(event.data)},"id":${JSON.stringify(event.id)},"metadata":${canonicalMetadata},` +
    `"revision":${JSON.stringify(event.revision.toString())},"stream":${JSON.stringify(event.stream.id)},` +
    `"tenant":${JSON.stringify(event.stream.tenant)},"type":${JSON.stringify(event.type)}}`
  );
}

export function jcs(value: object): string {
  const form = canonicalize(value);
  if (form === undefined) throw new TypeError('event is not serialisable');
  return form;
}

/** hash = sha256(previous hash ‖ canonical form). */
export function chainHash(previous: Buffer, event: HashedFields, canonicalMetadata?: string): Buffer {
  return createHash('sha256').update(previous).update(canonicalForm(event, canonicalMetadata), 'utf8').digest();
}

export interface ChainedEvent extends HashedFields {
  readonly hash: string;
}

export type ChainVerdict = { readonly intact: true; readonly events: number } | { readonly intact: false; readonly revision: bigint; readonly problem: string };

/**
 * Recomputes a stream's chain from its first event and compares it with the stored hashes and
 * the recorded head, which is what makes a removed last event visible.
 */
export function verifyChain(events: readonly ChainedEvent[], head: StreamHead | undefined): ChainVerdict {
  const check = new ChainCheck();
  for (const event of events) {
    const problem = check.next(event);
    if (problem) return problem;
  }
  return check.end(head);
}

/**
 * {@link verifyChain} one event at a time, for a caller that does more with each event as it goes
 * (the replay verifier folds it too). Events of one append share one metadata object as
 * `readStreams` returns them, so its canonical form is reused while the object is the same.
 */
export class ChainCheck {
  private previous = GENESIS_HASH;
  private count = 0;
  private metadata?: EventMetadata;
  private canonicalMetadata = '';

  /** The problem with the next event, if any (the check is then over); else undefined. */
  next(event: ChainedEvent): Extract<ChainVerdict, { intact: false }> | undefined {
    const expectedRevision = BigInt(this.count);
    if (event.revision !== expectedRevision) {
      return { intact: false, revision: expectedRevision, problem: `revision ${expectedRevision} is missing (found ${event.revision})` };
    }
    if (this.metadata !== event.metadata) {
      this.metadata = event.metadata;
      this.canonicalMetadata = jcs(event.metadata);
    }
    const computed = chainHash(this.previous, event, this.canonicalMetadata);
    if (computed.toString('hex') !== event.hash) {
      return { intact: false, revision: event.revision, problem: 'stored hash does not match the event or its predecessor' };
    }
    this.previous = computed;
    this.count++;
    return undefined;
  }

  /** After the last event: the recorded head must name it, revision and hash. */
  end(head: StreamHead | undefined): ChainVerdict {
    const lastRevision = BigInt(this.count - 1);
    if (!head) {
      return this.count === 0 ? { intact: true, events: 0 } : { intact: false, revision: 0n, problem: 'stream has events but no recorded head' };
    }
    if (head.revision !== lastRevision) {
      // The first revision on which stream and head disagree: a missing one, or one past the head.
      const first = (head.revision < lastRevision ? head.revision : lastRevision) + 1n;
      return { intact: false, revision: first, problem: `head records revision ${head.revision}, stream ends at ${lastRevision}` };
    }
    if (head.hash !== this.previous.toString('hex')) {
      return { intact: false, revision: head.revision, problem: 'head hash does not match the last event' };
    }
    return { intact: true, events: this.count };
  }
}
