import { adjacencyMapToArray, getAdjacencyMap } from 'xstate/graph';
import { caseMachine, evolve, type CaseEvent, type CaseSnapshot, type Command } from '../../src/lifecycle';
import { modelSteps, need, stateKey, type ModelStep } from './model-steps';

export { MODEL_NOW, stateKey, type ModelStep } from './model-steps';

export interface ModelEdge {
  readonly from: string;
  readonly label: string;
  readonly to: string;
  /** The command as the graph found it, from the vertex's first-found case. */
  readonly command: Command;
}

export interface CaseModel {
  readonly initial: string;
  readonly states: ReadonlyMap<string, CaseSnapshot>;
  readonly edges: readonly ModelEdge[];
}

/** The machine's graph as `xstate/graph` explores it with the sample commands. */
export function caseModel(): CaseModel {
  const steps = new WeakMap<CaseEvent, ModelStep>();
  const events = (snapshot: CaseSnapshot) =>
    modelSteps(snapshot).map((step) => {
      steps.set(step.event, step);
      return step.event;
    });
  const adjacency = getAdjacencyMap(caseMachine, { events, serializeState: stateKey });
  const edges = adjacencyMapToArray(adjacency).map(({ state, event, nextState }) => {
    const { label, command } = need(steps.get(event));
    return { from: stateKey(state), label, to: stateKey(nextState), command };
  });
  const states = new Map(Object.entries(adjacency).map(([key, { state }]) => [key, state]));
  return { initial: [...states.keys()][0], states, edges };
}

/**
 * Walks from `new` that together take every edge at least once: each walk keeps taking the
 * nearest edge not taken yet (by a shortest route through the graph) until none is reachable.
 */
export function coveringWalks({ initial, edges }: CaseModel): ModelEdge[][] {
  const leaving = new Map<string, ModelEdge[]>();
  for (const edge of edges) leaving.set(edge.from, [...(leaving.get(edge.from) ?? []), edge]);
  const untaken = new Set(edges);
  const routeToUntaken = (start: string): ModelEdge[] | undefined => {
    const routes = new Map<string, ModelEdge[]>([[start, []]]);
    for (const [at, route] of routes) {
      const out = leaving.get(at) ?? [];
      const next = out.find((edge) => untaken.has(edge));
      if (next) return [...route, next];
      for (const edge of out) if (!routes.has(edge.to)) routes.set(edge.to, [...route, edge]);
    }
    return undefined;
  };
  const walks: ModelEdge[][] = [];
  while (untaken.size > 0) {
    const walk: ModelEdge[] = [];
    for (let route = routeToUntaken(initial); route; route = routeToUntaken(walk.at(-1)!.to)) {
      route.forEach((edge) => untaken.delete(edge));
      walk.push(...route);
    }
    if (walk.length === 0) throw new Error(`Edges not reachable from ${initial}: ${untaken.size}`);
    walks.push(walk);
  }
  return walks;
}

/** Takes an edge from the case as it actually stands: the same sample, decided against these facts. */
export function takeEdge(snapshot: CaseSnapshot, edge: ModelEdge): { step: ModelStep; next: CaseSnapshot } {
  const step = modelSteps(snapshot).find((s) => s.label === edge.label);
  if (!step) throw new Error(`${edge.label} is not possible from ${stateKey(snapshot)} here, though the graph takes it from ${edge.from}`);
  const next = evolve(snapshot, step.event);
  if (stateKey(next) !== edge.to) throw new Error(`${edge.label} from ${edge.from} leads to ${stateKey(next)}, not ${edge.to}`);
  return { step, next };
}
