import { Injectable } from '@nestjs/common';
import { caseIdOfStream, caseStream } from '../../cases/shared/case-stream';
import type { RecordedEvent, StreamName, StreamRecord } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import { ChainCheck } from '../../event-store/hash-chain';
import { evolve, initialSnapshot, LifecycleError, machineFor, type CaseEvent, type CaseMachine, type CaseSnapshot } from '../../lifecycle';

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

  /** Every case of a tenant, or of all tenants when `tenant` is absent. */
  async verifyAll(tenant?: string): Promise<VerifyAllResult> {
    const broken: CaseVerdict[] = [];
    let cases = 0;
    let events = 0;
    for await (const batch of this.caseRecords(tenant)) {
      for (const record of batch) {
        const verdict = verdictOf(record, caseIdOfStream(record.stream)!);
        cases++;
        events += verdict.events;
        if (!verdict.intact) broken.push(verdict);
      }
    }
    return { intact: broken.length === 0, cases, events, broken };
  }

  /** Case streams with their heads, a batch at a time, reading one batch ahead of the caller. */
  private async *caseRecords(tenant: string | undefined): AsyncGenerator<StreamRecord[]> {
    let next = this.readBatch(tenant);
    for (let batch = await next; batch.streams > 0; batch = await next) {
      next = this.readBatch(tenant, batch.last);
      yield batch.records;
    }
  }

  private async readBatch(tenant: string | undefined, after?: StreamName): Promise<{ streams: number; last?: StreamName; records: StreamRecord[] }> {
    const streams = await this.store.listStreams({ tenant, prefix: 'case-', after, maxCount: BATCH });
    const cases = streams.filter((stream) => caseIdOfStream(stream) !== undefined);
    return { streams: streams.length, last: streams.at(-1), records: cases.length > 0 ? await this.store.readStreams(cases) : [] };
  }
}

function verdictOf({ stream, events, head }: StreamRecord, caseId: string): CaseVerdict {
  const problem = firstProblem(events, head);
  return { tenant: stream.tenant, caseId, intact: !problem, events: events.length, ...(problem && { problem }) };
}

/** Hash chain and machine in one pass, event by event, then the head. */
function firstProblem(events: readonly RecordedEvent[], head: StreamRecord['head']): CaseVerdict['problem'] | undefined {
  const chain = new ChainCheck();
  let state: CaseSnapshot | undefined;
  for (const recorded of events) {
    const broken = chain.next(recorded);
    if (broken) return { revision: broken.revision.toString(), what: broken.problem };
    const { machineId, machineVersion } = recorded.metadata;
    try {
      state = evolve(under(machineFor(machineId, machineVersion), state), { type: recorded.type, data: recorded.data } as CaseEvent);
    } catch (error) {
      if (!(error instanceof LifecycleError || error instanceof StateNotInMachine)) throw error;
      return { revision: recorded.revision.toString(), what: `not a legal transition under ${machineId} v${machineVersion}: ${error.message}` };
    }
  }
  const end = chain.end(head);
  return end.intact ? undefined : { revision: end.revision.toString(), what: end.problem };
}

/**
 * The state an event is judged from, under the machine version the event names: the stream's
 * first event starts from that machine's initial state; an event naming another version than the
 * one before it (a case moved to a newer lifecycle) carries state and facts over to it.
 */
function under(machine: CaseMachine, state: CaseSnapshot | undefined): CaseSnapshot {
  if (!state) return initialSnapshot(machine);
  if (state.machine === machine) return state;
  try {
    return machine.resolveState({ value: state.value, context: state.context });
  } catch {
    throw new StateNotInMachine(`state ${JSON.stringify(state.value)} does not exist in this version`);
  }
}

class StateNotInMachine extends Error {}
