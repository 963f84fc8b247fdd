import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppendResult, EventContext, JsonObject, StreamName, StreamWriter } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import {
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  currentSchemaVersion,
  foldOnto,
  foldStored,
  type CaseEvent,
  type FoldedCase,
  type CaseSnapshot,
  type MachineVersionChanged,
} from '../../lifecycle';
import { PersonalData } from '../../personal-data/personal-data';
import { caseNotFound } from './case-error';
import { CaseSnapshots, restoreSnapshot, snapshotOf, type FoldedAt } from './case-snapshots';
import { asCaseEvents, caseStream, type RecordedCaseEvent } from './case-stream';

/** A case as its stream makes it: the snapshot after its last event, and that event's revision. */
export interface CaseAt {
  readonly id: string;
  readonly tenant: string;
  readonly snapshot: CaseSnapshot;
  /** -1n before the first event. */
  readonly revision: bigint;
  /** The machine the case lives under: the one that wrote its events; the current one for a new case. */
  readonly machine: { readonly id: string; readonly version: number };
}

/** The case as it is now, and when its last event was recorded. */
export interface CurrentCase extends CaseAt {
  readonly recordedAt: string | undefined;
}

/** A case with the events it was folded from. */
export interface LoadedCase extends CaseAt {
  /** The events as stored (personal data sealed), or as readers see them when loaded `open`: personal data opened, or `[raderad]` once its subject was erased. */
  readonly events: readonly RecordedCaseEvent[];
}

/** A revision, a moment, or both: the case as of the last event within both. */
export interface PointInTime {
  readonly revision?: bigint;
  readonly asOf?: Date;
}

function lengthAt(events: readonly RecordedCaseEvent[], { revision, asOf }: PointInTime): number {
  const after = events.findIndex(
    (event) => (revision !== undefined && event.revision > revision) || (asOf !== undefined && Date.parse(event.metadata.recordedAt) > asOf.getTime()),
  );
  return after < 0 ? events.length : after;
}

export interface NewCaseEvent {
  readonly id: string;
  readonly event: CaseEvent | MachineVersionChanged;
}

/** A stored snapshot is refreshed when the case has moved this many events past it. */
export const SNAPSHOT_EVERY = 25n;

/** The newest fold this instance knows of a case, and the newest revision it knows a stored snapshot of. */
interface Known {
  readonly folded: FoldedAt;
  readonly stored: bigint;
}

/**
 * Loads cases by folding their streams through the machine version that wrote each event; appends
 * their new events. What commands decide on (`current`) is folded on from the newest state known —
 * this instance's, or a stored snapshot — never past it: the events after it are always read.
 */
@Injectable()
export class CaseRepository {
  private readonly known = new LRUCache<string, Known>({ max: 10_000 });

  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
    private readonly snapshots: CaseSnapshots,
  ) {}

  /**
   * The case as it is now, or a new case (revision -1) when `allowNew` and the stream is empty, as
   * stored (personal data sealed): what commands decide on. Costs the events since the newest state
   * known, however long the stream: the state this instance folded last, or else a stored snapshot,
   * is used only if the event it was folded up to is still in the stream with the same hash, and
   * every event after it is read, so another instance's appends are always seen.
   */
  async current(tenant: string, caseId: string, options: { allowNew?: boolean } = {}): Promise<CurrentCase> {
    const stream = caseStream(tenant, caseId);
    const key = `${tenant}/${caseId}`;
    const known = this.known.get(key) ?? (await this.storedStart(stream));
    const read = asCaseEvents(await this.store.readStream(stream, { fromRevision: known?.folded.revision ?? 0n }));
    const start = known && read[0]?.revision === known.folded.revision && read[0].hash === known.folded.hash ? known : undefined;
    if (known && !start) this.known.delete(key); // not this stream's past (the database was restored or rewritten): fold it all
    const events = start ? read.slice(1) : known ? asCaseEvents(await this.store.readStream(stream)) : read;
    if (!start && events.length === 0) {
      if (!options.allowNew) throw caseNotFound(caseId);
      return { id: caseId, tenant, ...foldRecorded([]), recordedAt: undefined };
    }
    const folded = start ? foldedAt(foldOnto(start.folded, events), start.folded, events) : foldedAt(foldRecorded(events), undefined, events);
    const stored = await this.keep(stream, folded, start?.stored ?? -1n);
    this.known.set(key, { folded, stored });
    return { id: caseId, tenant, snapshot: folded.snapshot, revision: folded.revision, machine: folded.machine, recordedAt: folded.recordedAt };
  }

  /** The newest stored snapshot this build can use. */
  private async storedStart(stream: StreamName): Promise<Known | undefined> {
    const [records] = await this.snapshots.read([stream]);
    for (const record of records) {
      const folded = restoreSnapshot(record);
      if (folded) return { folded, stored: folded.revision };
    }
    return undefined;
  }

  /** Stores the fold when it has moved far enough past the stored snapshot; the revision now stored. */
  private async keep(stream: StreamName, folded: FoldedAt, stored: bigint): Promise<bigint> {
    if (folded.revision - stored < SNAPSHOT_EVERY) return stored;
    await this.snapshots.write(stream, snapshotOf(folded));
    return folded.revision;
  }

  /** The events of a case with these ids (see EventStore.readEventsById), as stored. */
  async eventsById(tenant: string, caseId: string, ids: readonly string[]): Promise<readonly RecordedCaseEvent[]> {
    return asCaseEvents(await this.store.readEventsById(caseStream(tenant, caseId), ids));
  }

  /**
   * The case as it is now — or as it was at a point in time, for audit — or a new case (revision
   * -1) when `allowNew` and the stream is empty. Personal data stays sealed as stored unless
   * `open`: only readers that show or use it ask, so the rest need no keys.
   */
  async load(tenant: string, caseId: string, options: { allowNew?: boolean; at?: PointInTime; open?: boolean } = {}): Promise<LoadedCase> {
    const stream = asCaseEvents(await this.store.readStream(caseStream(tenant, caseId)));
    const stored = options.at ? stream.slice(0, lengthAt(stream, options.at)) : stream;
    if (stored.length === 0 && !options.allowNew) {
      throw caseNotFound(caseId, stream.length > 0 ? `Case ${caseId} did not exist yet at that point.` : undefined);
    }
    const events = options.open ? await this.personalData.open(tenant, stored) : stored;
    const folded = foldRecorded(events);
    // The whole stream as stored: where the next command on this case can start.
    if (!options.at && !options.open && stored.length > 0) this.remember(tenant, caseId, foldedAt(folded, undefined, stored));
    return { id: caseId, tenant, events, ...folded };
  }

  private remember(tenant: string, caseId: string, folded: FoldedAt): void {
    const key = `${tenant}/${caseId}`;
    const known = this.known.get(key);
    if (!known || known.folded.revision < folded.revision) this.known.set(key, { folded, stored: known?.stored ?? -1n });
  }

  /**
   * Appends under the case's machine, or under `machine` (the target of a MachineVersionChanged),
   * recorded on each event; personal data sealed. `through` a transaction of the store, the events
   * commit with whatever else it writes.
   */
  async append(
    loaded: CaseAt,
    events: readonly NewCaseEvent[],
    context: EventContext,
    machine = loaded.machine,
    through: StreamWriter = this.store,
  ): Promise<AppendResult> {
    return through.append(
      caseStream(loaded.tenant, loaded.id),
      // Case events are plain JSON by construction (see case.events.ts).
      await this.personalData.seal(
        loaded.tenant,
        events.map(({ id, event }) => ({ id, type: event.type, data: event.data as unknown as JsonObject, schemaVersion: currentSchemaVersion(event.type) })),
      ),
      {
        expectedRevision: loaded.revision < 0n ? 'no_stream' : loaded.revision,
        context: { ...context, machineId: machine.id, machineVersion: machine.version },
      },
    );
  }
}

/** A fold with the revision and hash of its last event: `events` folded on from `start`. */
function foldedAt(folded: FoldedCase, start: FoldedAt | undefined, events: readonly RecordedCaseEvent[]): FoldedAt {
  const last = events.at(-1);
  const { revision, hash, recordedAt } = last ? { ...last, recordedAt: last.metadata.recordedAt } : start!;
  return { ...folded, revision, hash, recordedAt };
}

/**
 * Folds recorded events through the machine that wrote them (upcasting old payloads). A case stays
 * on the machine version its first event names until a MachineVersionChanged moves it explicitly.
 */
export function foldRecorded(events: readonly RecordedCaseEvent[]): Pick<CaseAt, 'snapshot' | 'revision' | 'machine'> {
  return { ...foldStored(events, { id: CASE_MACHINE_ID, version: CASE_MACHINE_VERSION }), revision: BigInt(events.length) - 1n };
}
