import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { CaseEvent } from './case.events';
import { caseMachine, machines, type CaseMachine } from './case.machine';
import { violations } from './case.rules';
import { EventNotApplicable, UnknownMachineVersion } from './lifecycle.errors';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

export function machineFor(id: string, version: number): CaseMachine {
  const machine = machines[id]?.[version];
  if (machine === undefined) throw new UnknownMachineVersion(id, version);
  return machine;
}

/** The case before its first event: state `new`, no facts. */
export function initialSnapshot(machine: CaseMachine = caseMachine): CaseSnapshot {
  return initialTransition(machine)[0];
}

/**
 * Applies one recorded event. The machine would silently ignore an event it cannot take; for a
 * stored stream that means the history does not fit the machine, which auditors must see.
 */
export function evolve(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  if (!snapshot.can(event)) throw new EventNotApplicable(event.type, snapshot.value, violations(snapshot.context, event));
  return transition(snapshot.machine, snapshot, event)[0];
}

/** Rebuilds a case from its stream under the machine version that wrote it. */
export function fold(events: readonly CaseEvent[], machine: CaseMachine = caseMachine): CaseSnapshot {
  return events.reduce(evolve, initialSnapshot(machine));
}
