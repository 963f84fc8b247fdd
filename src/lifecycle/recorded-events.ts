import type { CaseEvent } from './case.events';
import { machines } from './case.machine';
import { evolve, initialSnapshot, machineFor, type CaseSnapshot } from './evolve';
import { MachineMismatch } from './lifecycle.errors';
import { MACHINE_VERSION_CHANGED, migrateSnapshot, type MachineRef, type MachineVersionChanged } from './machine-migration';
import { upcast, type Payload } from './upcasters';

/**
 * An event as the store hands it back (structurally the event store's RecordedEvent; the lifecycle
 * knows no store). `schemaVersion` is the payload's version, `machineId`/`machineVersion` the
 * machine the case lived under when it was recorded.
 */
export interface StoredCaseEvent {
  readonly type: string;
  readonly data: object;
  readonly metadata: { readonly schemaVersion?: number; readonly machineId: string; readonly machineVersion: number };
}

/** The one conversion from a stored event to the lifecycle's event: its payload upcast to the current shape (never mutated). */
export function toCaseEvent(recorded: StoredCaseEvent): CaseEvent {
  return { type: recorded.type, data: upcast(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data as Payload) } as CaseEvent;
}

/** The machine change an event records, if it is one. */
export function machineChangeOf(recorded: StoredCaseEvent): MachineVersionChanged | undefined {
  if (recorded.type !== MACHINE_VERSION_CHANGED) return undefined;
  return {
    type: MACHINE_VERSION_CHANGED,
    data: upcast(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data as Payload) as MachineVersionChanged['data'],
  };
}

/**
 * Applies one stored event (`undefined` before the first: the case starts under the machine its
 * first event names). Every event must name the machine the case lives under at that point;
 * a MachineVersionChanged moves the case to its target machine, by the same rules as deciding it.
 */
export function applyRecorded(snapshot: CaseSnapshot | undefined, recorded: StoredCaseEvent): CaseSnapshot {
  const { machineId, machineVersion } = recorded.metadata;
  const change = machineChangeOf(recorded);
  if (change) {
    const { from, to } = change.data;
    const current = snapshot ?? initialSnapshot(machineFor(from.id, from.version));
    expectMachine(current, from, recorded.type);
    if (to.id !== machineId || to.version !== machineVersion) throw new MachineMismatch(recorded.type, refName(recorded.metadata), `${to.id} v${to.version}`);
    return migrateSnapshot(current, from, to);
  }
  const machine = machineFor(machineId, machineVersion);
  if (snapshot !== undefined && snapshot.machine !== machine) throw new MachineMismatch(recorded.type, refName(recorded.metadata), nameOf(snapshot));
  return evolve(snapshot ?? initialSnapshot(machine), toCaseEvent(recorded));
}

export interface FoldedCase {
  readonly snapshot: CaseSnapshot;
  /** The machine the case lives under after these events; new events are recorded under it. */
  readonly machine: MachineRef;
}

/** Rebuilds a case from its stored events; a case with none lives under `initial` (the current machine). */
export function foldStored(events: readonly StoredCaseEvent[], initial: MachineRef): FoldedCase {
  const last = events.at(-1)?.metadata;
  const machine = last ? { id: last.machineId, version: last.machineVersion } : initial;
  const snapshot =
    events.length === 0 ? initialSnapshot(machineFor(machine.id, machine.version)) : events.reduce<CaseSnapshot | undefined>(applyRecorded, undefined)!;
  return { snapshot, machine };
}

/** Goes on folding from a case's state after its earlier events: the same as folding them all, for only the cost of the new ones. */
export function foldOnto(from: FoldedCase, events: readonly StoredCaseEvent[]): FoldedCase {
  const last = events.at(-1)?.metadata;
  if (!last) return from;
  return { snapshot: events.reduce(applyRecorded, from.snapshot), machine: { id: last.machineId, version: last.machineVersion } };
}

function expectMachine(snapshot: CaseSnapshot, ref: MachineRef, type: string): void {
  if (snapshot.machine !== machineFor(ref.id, ref.version)) throw new MachineMismatch(type, `${ref.id} v${ref.version}`, nameOf(snapshot));
}

/** For messages only: the registered name of the snapshot's machine. */
function nameOf(snapshot: CaseSnapshot): string {
  for (const [id, versions] of Object.entries(machines)) {
    for (const [version, machine] of Object.entries(versions)) if (machine === snapshot.machine) return `${id} v${version}`;
  }
  return 'an unregistered machine';
}

const refName = ({ machineId, machineVersion }: StoredCaseEvent['metadata']) => `${machineId} v${machineVersion}`;
