import { Injectable } from '@nestjs/common';
import { caseIdOfStream, caseStream } from '../../cases/shared/case-stream';
import type { RecordedEvent, StreamName } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import { verifyChain } from '../../event-store/hash-chain';
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
}

const PAGE = 500;

/**
 * Replay verification: recomputes each case stream's hash chain against its recorded head, and
 * re-folds it through the machine version recorded on each event, so that a transition that was
 * not legal under that version is found as surely as a changed byte.
 */
@Injectable()
export class CaseVerifier {
  constructor(private readonly store: EventStore) {}

  async verifyCase(tenant: string, caseId: string): Promise<CaseVerdict> {
    const stream = caseStream(tenant, caseId);
    const [events, head] = await Promise.all([this.store.readStream(stream), this.store.streamHead(stream)]);
    const chain = verifyChain(events, head);
    const problem = chain.intact ? illegalTransition(events) : { revision: chain.revision.toString(), what: chain.problem };
    return { tenant, caseId, intact: !problem, events: events.length, ...(problem && { problem }) };
  }

  /** Every case of a tenant, or of all tenants when `tenant` is absent. */
  async verifyAll(tenant?: string): Promise<VerifyAllResult> {
    const broken: CaseVerdict[] = [];
    let cases = 0;
    let events = 0;
    for (let page = await this.page(tenant); page.length > 0; page = await this.page(tenant, page.at(-1))) {
      for (const stream of page) {
        const caseId = caseIdOfStream(stream);
        if (!caseId) continue;
        const verdict = await this.verifyCase(stream.tenant, caseId);
        cases++;
        events += verdict.events;
        if (!verdict.intact) broken.push(verdict);
      }
    }
    return { intact: broken.length === 0, cases, events, broken };
  }

  private page(tenant: string | undefined, after?: StreamName): Promise<StreamName[]> {
    return this.store.listStreams({ tenant, prefix: 'case-', after, maxCount: PAGE });
  }
}

/** The first event the machine version it names would not have taken, if any. */
function illegalTransition(events: readonly RecordedEvent[]): CaseVerdict['problem'] | undefined {
  let state: CaseSnapshot | undefined;
  for (const recorded of events) {
    const { machineId, machineVersion } = recorded.metadata;
    try {
      state = applyRecorded(state, recorded);
    } catch (error) {
      if (!(error instanceof LifecycleError)) throw error;
      return { revision: recorded.revision.toString(), what: `not a legal transition under ${machineId} v${machineVersion}: ${error.message}` };
    }
  }
  return undefined;
}
