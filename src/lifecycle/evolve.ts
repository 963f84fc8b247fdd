import { createActor, type AnyActorScope, type SnapshotFrom, type StateValue } from 'xstate';
import type { CaseFacts } from './case.facts';
import type { CaseEvent } from './case.events';
import { caseMachine, machines, rulesVersionOf, type CaseMachine } from './case.machine';
import { violations } from './commands';
import { EventNotApplicable, UnknownMachineVersion } from './lifecycle.errors';

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** The registered machine of that id and version, if there is one. */
export function findMachine(id: string, version: number): CaseMachine | undefined {
  return machines[id]?.[version];
}

export function machineFor(id: string, version: number): CaseMachine {
  const machine = findMachine(id, version);
  if (machine === undefined) throw new UnknownMachineVersion(id, version);
  return machine;
}

/** The case before its first event: state `new`, no facts. */
export function initialSnapshot(machine: CaseMachine = caseMachine): CaseSnapshot {
  return machine.getInitialSnapshot(inertScope(machine));
}

/**
 * Applies one recorded event. The machine would silently ignore an event it cannot take (it hands
 * back the very snapshot it was given); for a stored stream that means the history does not fit
 * the machine, which auditors must see. Only then are the rules read again, to say why.
 */
export function evolve(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  const next = snapshot.machine.transition(snapshot, event, inertScope(snapshot.machine));
  if (next === snapshot) throw new EventNotApplicable(event.type, snapshot.value, violations(snapshot.context, event, rulesVersionOf(snapshot.machine)));
  return next;
}

/** Rebuilds a case from its stream under the machine version that wrote it. */
export function fold(events: readonly CaseEvent[], machine: CaseMachine = caseMachine): CaseSnapshot {
  return events.reduce(evolve, initialSnapshot(machine));
}

/** A case's state as plain JSON — its state value and facts — from which the machine rebuilds the snapshot: what a stored snapshot keeps. */
export interface CaseState {
  readonly value: StateValue;
  readonly context: CaseFacts;
}

export function stateOf(snapshot: CaseSnapshot): CaseState {
  return { value: snapshot.value, context: snapshot.context };
}

/** The snapshot `machine` has in that state (done when the value is a final state), as the fold would have made it. */
export function restoreState(machine: CaseMachine, state: CaseState): CaseSnapshot {
  return machine.resolveState({ value: state.value, context: state.context });
}

const scopes = new WeakMap<CaseMachine, AnyActorScope>();

/**
 * XState's `transition()` builds a new actor, initial snapshot included, on every call: that cost
 * more than the step itself. The machine's own `transition` with one inert scope per machine is
 * the same pure step. The scope executes nothing, which is safe because the lifecycle's only
 * action is `assign`, resolved into the next snapshot rather than executed.
 */
function inertScope(machine: CaseMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const noop = () => undefined;
    scope = { self, id: '', sessionId: '', system: self.system, defer: noop, logger: noop, stopChild: noop, emit: noop, actionExecutor: noop };
    scopes.set(machine, scope);
  }
  return scope;
}
