import type { AnyStateNode } from 'xstate';
import type { CaseMachine } from './case.machine';
import { activeLeaves } from './case.queries';
import { evolve, initialSnapshot, type CaseSnapshot } from './evolve';
import { LifecycleError } from './lifecycle.errors';
import { machineChangeOf, toCaseEvent, type StoredCaseEvent } from './recorded-events';

/**
 * What would become of a case under a candidate machine:
 * - `same`: its stream replays to the state it is in now;
 * - `diverges`: it replays, but ends in another state;
 * - `stuck`: it replays, but the end state has no path to a final state (guards aside);
 * - `refused`: the candidate does not accept one of its events.
 */
export type PreviewOutcome = 'same' | 'diverges' | 'stuck' | 'refused';

export interface CasePreview {
  readonly outcome: PreviewOutcome;
  /** Active leaf paths now, under the machines that recorded the stream. */
  readonly now: string[];
  /** Active leaf paths after replaying under the candidate (up to the refused event). */
  readonly candidate: string[];
  readonly refused?: { readonly revision: number; readonly eventType: string; readonly why: string };
}

/**
 * Replays a case's stored events (upcast, machine changes left out) under `candidate` and compares
 * with `current`, the case as its recorded machines make it.
 */
export function previewCase(events: readonly StoredCaseEvent[], current: CaseSnapshot, candidate: CaseMachine): CasePreview {
  const now = activeLeaves(current);
  let snapshot = initialSnapshot(candidate);
  for (const [revision, recorded] of events.entries()) {
    if (machineChangeOf(recorded)) continue;
    try {
      snapshot = evolve(snapshot, toCaseEvent(recorded));
    } catch (error) {
      if (!(error instanceof LifecycleError)) throw error;
      return { outcome: 'refused', now, candidate: activeLeaves(snapshot), refused: { revision, eventType: recorded.type, why: error.message } };
    }
  }
  const replayed = activeLeaves(snapshot);
  if (snapshot.status !== 'done' && !finalReachable(snapshot)) return { outcome: 'stuck', now, candidate: replayed };
  const same = [...now].sort().join() === [...replayed].sort().join();
  return { outcome: same ? 'same' : 'diverges', now, candidate: replayed };
}

/**
 * Whether some top-level final state can be reached from the snapshot's active states by any
 * transitions, guards ignored. A parallel state is done only when each of its regions can reach
 * its own final state (from where it is now, or from its start when entered later): a case that
 * cannot get anywhere even then is stuck.
 */
export function finalReachable(snapshot: CaseSnapshot): boolean {
  const root = snapshot.machine.root;
  const active = activeLeaves(snapshot).map((path) => path.split('.').reduce((node: AnyStateNode, key) => node.states[key], root));
  const startsIn = (region: AnyStateNode) => {
    const inside = active.filter((leaf) => isWithin(leaf, region));
    return inside.length > 0 ? inside : entryLeaves(region);
  };
  const done = (parallel: AnyStateNode) =>
    Object.values(parallel.states).every((region) =>
      reaches(
        startsIn(region),
        region,
        (node) => node.type === 'final' && node.parent === region,
        () => false,
      ),
    );
  return reaches(active, root, (node) => node.type === 'final' && node.parent === root, done);
}

/**
 * Breadth-first over leaf states inside `scope`, following every transition of a leaf and of its
 * ancestors within `scope`; a parallel state's done transition only when `parallelDone` says so.
 */
function reaches(
  starts: AnyStateNode[],
  scope: AnyStateNode,
  goal: (node: AnyStateNode) => boolean,
  parallelDone: (parallel: AnyStateNode) => boolean,
): boolean {
  const queue = [...starts];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (goal(node)) return true;
    for (let from: AnyStateNode | undefined = node; from && isWithin(from, scope); from = from.parent) {
      // Eventless (`always`) transitions lead somewhere as well as evented ones.
      for (const [event, transitions] of [...from.transitions, ['', from.always ?? []] as const]) {
        if (from.type === 'parallel' && event === `xstate.done.state.${from.id}` && !parallelDone(from)) continue;
        for (const target of transitions.flatMap((t) => t.target ?? []).flatMap(entryLeaves)) {
          if (isWithin(target, scope) && !seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
    }
  }
  return false;
}

function isWithin(node: AnyStateNode, scope: AnyStateNode): boolean {
  for (let at: AnyStateNode | undefined = node; at; at = at.parent) if (at === scope) return true;
  return false;
}

/** The leaf states entered when a transition targets `node`. */
function entryLeaves(node: AnyStateNode): AnyStateNode[] {
  if (node.type === 'parallel') return Object.values(node.states).flatMap(entryLeaves);
  if (node.type === 'compound') return node.initial.target.flatMap(entryLeaves);
  return [node];
}
