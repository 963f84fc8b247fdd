import { Injectable } from '@nestjs/common';
import { CaseSnapshots, type CaseSnapshotRecord } from '../../cases/shared/case-snapshots';
import { caseIdOfStream, caseStream } from '../../cases/shared/case-stream';
import type { RecordedEvent, StreamName, StreamRecord } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import { verifyChain } from '../../event-store/hash-chain';
import { caseVerdictOf, type CaseVerdict, type CaseVerdictWithNumber } from './case-verdict';
import { diariumProblem } from './diarium-check';
import { erasureProblem } from './erasure-check';
import { referenceDataProblem } from './reference-data-check';
import { VerifierThreads } from './verifier-threads';
import { kindOf, STREAM_KINDS, type StreamKind, type StreamProblem } from './stream-kinds';

/** A stream that does not verify: which, of what kind, and its first bad revision. */
export interface StreamVerdict {
  readonly tenant: string;
  readonly stream: string;
  readonly kind: StreamKind;
  readonly events: number;
  readonly problem: StreamProblem;
}

export interface KindSummary {
  readonly kind: StreamKind;
  readonly streams: number;
  readonly events: number;
  readonly broken: StreamVerdict[];
}

export interface VerifyAllResult {
  readonly intact: boolean;
  /** Case streams verified. */
  readonly cases: number;
  /** Events verified, in streams of every kind. */
  readonly events: number;
  /** The cases that do not verify (also among `kinds`' broken streams). */
  readonly broken: CaseVerdict[];
  /** Every kind of stream the store holds, with its counts and its broken streams. */
  readonly kinds: KindSummary[];
  /** With a limit: the last stream verified, to pass as `after` for the next range; absent when there are no more. */
  readonly next?: StreamName;
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
  /** The stored snapshots of each case stream of the batch. */
  readonly snapshots: ReadonlyMap<StreamRecord, CaseSnapshotRecord[]>;
}

/** Streams listed and read per batch; the next batch is read while this one is verified. */
const BATCH = 200;

/** The diarienummer each case names, by tenant and case id: what a diarium series is checked against. */
type NamedNumbers = Map<string, string | null>;
const caseKey = (tenant: string, caseId: string) => `${tenant}/${caseId}`;

/**
 * Verifies everything the engine has written: every stream the store lists, whatever its kind,
 * has its hash chain and recorded head recomputed; those whose events mean something are folded
 * too — a case through its machine, a diarium series against the cases it numbers, the erasure
 * record for erasing each subject once, the reference data for changes an administrator could
 * have made. A kind it does not know is still verified by its chain. Case streams, most of the
 * work, are verified on every core ({@link VerifierThreads}).
 */
@Injectable()
export class RecordVerifier {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: CaseSnapshots,
    private readonly threads: VerifierThreads,
  ) {}

  /**
   * Every stream of a tenant, or of all tenants when `tenant` is absent; or, given a range, the
   * next `limit` streams after `after` (in tenant, stream order), with `next` to go on from when
   * there may be more: how a client shows progress over a large record.
   */
  async verifyAll(tenant?: string, range: VerifyRange = {}): Promise<VerifyAllResult> {
    const tally = new Tally();
    const named: NamedNumbers = new Map();
    let listed = 0;
    let last: StreamName | undefined;
    for await (const batch of this.batches(tenant, range)) {
      const diaria: StreamRecord[] = [];
      const cases = batch.records.filter((record) => kindOf(record.stream) === 'case');
      const verdicts = await this.threads.verdicts(
        cases.map((record) => ({ record, caseId: caseIdOfStream(record.stream)!, snapshots: batch.snapshots.get(record) ?? [] })),
      );
      let nextVerdict = 0;
      for (const record of batch.records) {
        const kind = kindOf(record.stream);
        if (kind === 'case') this.tallyCase(record, verdicts[nextVerdict++], named, tally);
        else if (kind === 'diarium') diaria.push(record);
        else tally.add(kind, record, chainProblem(record) ?? MEANING[kind]?.(record.events));
      }
      await this.verifyDiaria(diaria, named, tally);
      listed += batch.listed;
      last = batch.last;
    }
    const next = listed === range.limit ? last : undefined; // the range is full: there may be more
    return { ...tally.result(), ...(next && { next }) };
  }

  private tallyCase(record: StreamRecord, { diarienummer, ...verdict }: CaseVerdictWithNumber, named: NamedNumbers, tally: Tally): void {
    named.set(caseKey(verdict.tenant, verdict.caseId), diarienummer);
    tally.addCase(record, verdict);
  }

  /** A series' numbers against the cases they were given to, reading the cases this range did not. */
  private async verifyDiaria(diaria: readonly StreamRecord[], named: NamedNumbers, tally: Tally): Promise<void> {
    const unread = new Map<string, StreamName>();
    for (const { stream, events } of diaria) {
      for (const { data } of events) {
        const key = caseKey(stream.tenant, String(data.caseId));
        if (!named.has(key)) unread.set(key, caseStream(stream.tenant, String(data.caseId)));
      }
    }
    for (const record of await this.store.readStreams([...unread.values()])) {
      const caseId = caseIdOfStream(record.stream)!;
      if (record.head) named.set(caseKey(record.stream.tenant, caseId), caseVerdictOf(record, caseId).diarienummer);
    }
    for (const record of diaria) {
      const numberOf = (caseId: string) => named.get(caseKey(record.stream.tenant, caseId)); // every case named is read by now: absent means none
      tally.add('diarium', record, chainProblem(record) ?? diariumProblem(record.events, numberOf));
    }
  }

  /** Streams with their heads, a batch at a time, reading one batch ahead of the caller. */
  private async *batches(tenant: string | undefined, { after, limit = Infinity }: VerifyRange): AsyncGenerator<Batch> {
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
    const streams = await this.store.listStreams({ tenant, after, maxCount });
    if (streams.length === 0) return { listed: 0, records: [], snapshots: new Map() };
    const cases = streams.filter((stream) => kindOf(stream) === 'case');
    const [records, snapshots] = await Promise.all([this.store.readStreams(streams), this.snapshots.read(cases)]);
    const ofCase = new Map(cases.map((stream, i) => [`${stream.tenant}\u0000${stream.id}`, snapshots[i]]));
    const byRecord = new Map(records.map((record) => [record, ofCase.get(`${record.stream.tenant}\u0000${record.stream.id}`) ?? []]));
    return { listed: streams.length, last: streams.at(-1), records, snapshots: byRecord };
  }
}

/** What the events of a kind read one stream at a time must mean, beyond their chain. */
const MEANING: Partial<Record<StreamKind, (events: readonly RecordedEvent[]) => StreamProblem | undefined>> = {
  erasure: erasureProblem,
  'reference-data': referenceDataProblem,
};

function chainProblem({ events, head }: StreamRecord): StreamProblem | undefined {
  const verdict = verifyChain(events, head);
  return verdict.intact ? undefined : { revision: verdict.revision.toString(), what: verdict.problem };
}

/** Counts per kind, and the streams that do not verify. */
class Tally {
  private readonly kinds = new Map<StreamKind, { streams: number; events: number; broken: StreamVerdict[] }>();
  private readonly brokenCases: CaseVerdict[] = [];

  add(kind: StreamKind, { stream, events }: StreamRecord, problem: StreamProblem | undefined): void {
    const summary = this.kinds.get(kind) ?? { streams: 0, events: 0, broken: [] };
    summary.streams++;
    summary.events += events.length;
    if (problem) summary.broken.push({ tenant: stream.tenant, stream: stream.id, kind, events: events.length, problem });
    this.kinds.set(kind, summary);
  }

  addCase(record: StreamRecord, verdict: CaseVerdict): void {
    this.add('case', record, verdict.problem);
    if (!verdict.intact) this.brokenCases.push(verdict);
  }

  result(): Omit<VerifyAllResult, 'next'> {
    const kinds = STREAM_KINDS.flatMap((kind) => {
      const summary = this.kinds.get(kind);
      return summary ? [{ kind, ...summary }] : [];
    });
    const events = kinds.reduce((sum, k) => sum + k.events, 0);
    const intact = kinds.every((k) => k.broken.length === 0);
    return { intact, cases: this.kinds.get('case')?.streams ?? 0, events, broken: this.brokenCases, kinds };
  }
}
