import { Injectable } from '@nestjs/common';
import { asCaseEvents, caseIdOfStream, caseStream, type RecordedCaseEvent } from '../../cases/shared/case-stream';
import type { StreamName, StreamRecord } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import { ChainCheck } from '../../event-store/hash-chain';
import { applyRecorded, LifecycleError, type CaseSnapshot } from '../../lifecycle';

export interface CaseVerdict {
  readonly tenant: string;
  readonly caseId: string;
  readonly intact: boolean;
  readonly events: number;
  /** The first bad event and what is wrong with it. */
  readonly problem?: { readonly revision: string; readonly what: string };
}

export interface VerifyAllResult {
  readonly intact: boolean;
  readonly cases: number;
  readonly events: number;
  readonly broken: CaseVerdict[];
  /** With a limit: the last stream verified, to pass as `after` for the next range; absent when there are no more. */
  readonly next?: StreamName;
}

/** Streams listed and read per batch; the next batch is read while this one is verified. */
const BATCH = 200;

/**
 * Replay verification: recomputes each case stream's hash chain against its recorded head, and
 * re-folds it, each event through the machine version recorded on it, so that a transition that
 * was not legal under that version is found as surely as a changed byte. The first problem in
 * stream order is the one reported.
 */
@Injectable()
export class CaseVerifier {
  constructor(private readonly store: EventStore) {}

  async verifyCase(tenant: string, caseId: string): Promise<CaseVerdict> {
    const [record] = await this.store.readStreams([caseStream(tenant, caseId)]);
    return verdictOf(record, caseId);
  }

  /**
   * Every case of a tenant, or of all tenants when `tenant` is absent; or, given a range, the
   * next `limit` case streams after `after` (in tenant, stream order), with `next` to go on from
   * when there may be more: how a client shows progress over a large record.
   */
  async verifyAll(tenant?: string, range: VerifyRange = {}): Promise<VerifyAllResult> {
    const broken: CaseVerdict[] = [];
    let cases = 0;
    let events = 0;
    let listed = 0;
    let last: StreamName | undefined;
    for await (const batch of this.caseRecords(tenant, range)) {
      for (const record of batch.records) {
        const verdict = verdictOf(record, caseIdOfStream(record.stream)!);
        cases++;
        events += verdict.events;
        if (!verdict.intact) broken.push(verdict);
      }
      listed += batch.listed;
      last = batch.last;
    }
    const next = listed === range.limit ? last : undefined; // the range is full: there may be more
    return { intact: broken.length === 0, cases, events, broken, ...(next && { next }) };
  }

  /** Case streams with their heads, a batch at a time, reading one batch ahead of the caller. */
  private async *caseRecords(tenant: string | undefined, { after, limit = Infinity }: VerifyRange): AsyncGenerator<Batch> {
    let listed = 0;
    let next = this.readBatch(tenant, after, Math.min(BATCH, limit));
    for (let batch = await next; batch.last; batch = await next) {
      listed += batch.listed;
      const more = batch.listed === BATCH && listed < limit;
      if (more) next = this.readBatch(tenant, batch.last, Math.min(BATCH, limit - listed));
      yield batch;
      if (!more) return;
    }
  }

  private async readBatch(tenant: string | undefined, after: StreamName | undefined, maxCount: number): Promise<Batch> {
    const streams = await this.store.listStreams({ tenant, prefix: 'case-', after, maxCount });
    const cases = streams.filter((stream) => caseIdOfStream(stream) !== undefined);
    return { listed: streams.length, last: streams.at(-1), records: cases.length > 0 ? await this.store.readStreams(cases) : [] };
  }
}

export interface VerifyRange {
  /** Exclusive: the `next` of the previous range. */
  readonly after?: StreamName;
  readonly limit?: number;
}

interface Batch {
  readonly listed: number;
  readonly last?: StreamName;
  readonly records: StreamRecord[];
}

/** The verdict on a case stream as one reader saw it (events as stored, and the head). */
export function verdictOf({ stream, events, head }: StreamRecord, caseId: string): CaseVerdict {
  const problem = firstProblem(asCaseEvents(events), head);
  return { tenant: stream.tenant, caseId, intact: !problem, events: events.length, ...(problem && { problem }) };
}

/** Hash chain and machine in one pass, event by event, then the head. */
function firstProblem(events: readonly RecordedCaseEvent[], head: StreamRecord['head']): CaseVerdict['problem'] | undefined {
  const chain = new ChainCheck();
  let state: CaseSnapshot | undefined;
  for (const recorded of events) {
    const broken = chain.next(recorded);
    if (broken) return { revision: broken.revision.toString(), what: broken.problem };
    const { machineId, machineVersion } = recorded.metadata;
    try {
      state = applyRecorded(state, recorded);
    } catch (error) {
      if (!(error instanceof LifecycleError)) throw error;
      return { revision: recorded.revision.toString(), what: `not a legal transition under ${machineId} v${machineVersion}: ${error.message}` };
    }
  }
  const end = chain.end(head);
  return end.intact ? undefined : { revision: end.revision.toString(), what: end.problem };
}
