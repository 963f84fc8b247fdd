import { createHash } from 'node:crypto';
import type { StreamName } from '../../event-store/event-store.port';
import { EVENT_SCHEMA_VERSIONS, findMachine, restoreState, stateOf, type CaseMachine, type CaseState, type FoldedCase, type MachineRef } from '../../lifecycle';

/**
 * A case's state folded up to a revision: where the next load starts folding instead of the first
 * event. Bound to the event it was folded up to by that event's hash, so it is only used on the
 * stream it was made from; bound to the build by `foldKey`.
 */
export interface CaseSnapshotRecord {
  readonly revision: bigint;
  /** Hex hash of the event at `revision`. */
  readonly hash: string;
  /** When the event at `revision` was recorded. */
  readonly recordedAt: string;
  /** The machine the case lived under after that event. */
  readonly machine: MachineRef;
  /** {@link foldKeyOf} the machine when the state was folded: another build's state is not used. */
  readonly foldKey: string;
  readonly state: CaseState;
}

/**
 * Where case snapshots are kept: beside the event store, but not in it (a KurrentDB store would keep
 * them where it likes). Derived data: losing any costs one longer fold, never a wrong answer, and
 * the verifier checks each against the full fold.
 */
export abstract class CaseSnapshots {
  /** Each stream's snapshots (at most one per machine version), newest first, in the order the streams are asked for. */
  abstract read(streams: readonly StreamName[]): Promise<CaseSnapshotRecord[][]>;
  /** Keeps the snapshot unless the stream already has a newer one under that machine version. */
  abstract write(stream: StreamName, snapshot: CaseSnapshotRecord): Promise<void>;
}

/** A folded case at a revision, and its last event's hash: a snapshot, or the start of the next fold. */
export interface FoldedAt extends FoldedCase {
  readonly revision: bigint;
  readonly hash: string;
  readonly recordedAt: string;
}

const foldKeys = new WeakMap<CaseMachine, string>();

/**
 * What a folded state depends on besides the events: the machine's statechart and the event schema
 * versions (upcasters). A build that changes either without a new machine version gets another key,
 * so its loads ignore older snapshots rather than trust them.
 */
export function foldKeyOf(machine: CaseMachine): string {
  let key = foldKeys.get(machine);
  if (key === undefined) {
    key = createHash('sha256')
      .update(JSON.stringify({ config: machine.config, schemas: EVENT_SCHEMA_VERSIONS }))
      .digest('hex')
      .slice(0, 32);
    foldKeys.set(machine, key);
  }
  return key;
}

export function snapshotOf(folded: FoldedAt): CaseSnapshotRecord {
  const { revision, hash, recordedAt, machine } = folded;
  return { revision, hash, recordedAt, machine, foldKey: foldKeyOf(folded.snapshot.machine), state: stateOf(folded.snapshot) };
}

/** The snapshot as a folded case, when this build can use it: its machine is registered and folds as it did. */
export function restoreSnapshot(record: CaseSnapshotRecord): FoldedAt | undefined {
  const machine = findMachine(record.machine.id, record.machine.version);
  if (machine === undefined || foldKeyOf(machine) !== record.foldKey) return undefined;
  const { revision, hash, recordedAt } = record;
  return { revision, hash, recordedAt, machine: record.machine, snapshot: restoreState(machine, record.state) };
}
