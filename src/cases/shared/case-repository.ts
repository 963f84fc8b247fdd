import { Injectable } from '@nestjs/common';
import type { AppendResult, EventContext, JsonObject, StreamWriter } from '../../event-store/event-store.port';
import { EventStore } from '../../event-store/event-store.port';
import {
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  currentSchemaVersion,
  foldStored,
  type CaseEvent,
  type CaseSnapshot,
  type MachineVersionChanged,
} from '../../lifecycle';
import { PersonalData } from '../../personal-data/personal-data';
import { caseNotFound } from './case-error';
import { asCaseEvents, caseStream, type RecordedCaseEvent } from './case-stream';

/** A case as its stream makes it: the snapshot after the last event read, and that event's revision. */
export interface LoadedCase {
  readonly id: string;
  readonly tenant: string;
  readonly snapshot: CaseSnapshot;
  /** -1n before the first event. */
  readonly revision: bigint;
  /** The events as stored (personal data sealed), or as readers see them when loaded `open`: personal data opened, or `[raderad]` once its subject was erased. */
  readonly events: readonly RecordedCaseEvent[];
  /** The machine the case lives under: the one that wrote its events; the current one for a new case. */
  readonly machine: { readonly id: string; readonly version: number };
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

/** Loads cases by folding their streams through the machine version that wrote each event; appends their new events. */
@Injectable()
export class CaseRepository {
  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
  ) {}

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
    return { id: caseId, tenant, events, ...foldRecorded(events) };
  }

  /**
   * Appends under the case's machine, or under `machine` (the target of a MachineVersionChanged),
   * recorded on each event; personal data sealed. `through` a transaction of the store, the events
   * commit with whatever else it writes.
   */
  async append(
    loaded: LoadedCase,
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

/**
 * Folds recorded events through the machine that wrote them (upcasting old payloads). A case stays
 * on the machine version its first event names until a MachineVersionChanged moves it explicitly.
 */
export function foldRecorded(events: readonly RecordedCaseEvent[]): Pick<LoadedCase, 'snapshot' | 'revision' | 'machine'> {
  return { ...foldStored(events, { id: CASE_MACHINE_ID, version: CASE_MACHINE_VERSION }), revision: BigInt(events.length) - 1n };
}
