import { describe, expect, it } from '@jest/globals';
import type { AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { CaseEvent } from './case.events';
import { caseMachine } from './case.machine';
import { fold, type CaseSnapshot } from './evolve';
import { modelSteps, stateKey } from '../../test/support/model-steps';

/**
 * Model-based: explore the machine from `new` with sample commands for whatever each state allows,
 * turned into events by `decide` (so only events the rules accept). Every state must be reached,
 * every transition taken, and every state that is not final must have a way forward.
 */
const sampleEvents = (snapshot: CaseSnapshot) => modelSteps(snapshot).map((step) => step.event);
const options = { events: sampleEvents, serializeState: stateKey };

const adjacency = getAdjacencyMap(caseMachine, options);
const vertices = Object.values(adjacency).map((v) => v.state);
const edges = adjacencyMapToArray(adjacency);

const allNodes = (node: AnyStateNode): AnyStateNode[] => (Object.values(node.states) as AnyStateNode[]).flatMap((child) => [child, ...allNodes(child)]);
const matches = (snapshot: CaseSnapshot, node: AnyStateNode) => node.path.length === 0 || snapshot.matches(toMatchValue(node.path) as never);
const toMatchValue = (path: readonly string[]): StateValue => (path.length === 1 ? path[0] : { [path[0]]: toMatchValue(path.slice(1)) });

describe('model: every state, every transition', () => {
  const nodes = allNodes(caseMachine.root);

  it.each(nodes.map((n) => [n.path.join('.'), n] as const))('reaches %s', (_, node) => {
    expect(vertices.some((v) => matches(v, node))).toBe(true);
  });

  it('takes every transition of the definition at least once', () => {
    const taken = new Set<AnyTransitionDefinition>(
      edges.flatMap(({ state, event }) => caseMachine.getTransitionData(state, event) as AnyTransitionDefinition[]),
    );
    const defined = nodes.flatMap((node) => [...node.transitions.values()].flat().filter((t) => !t.eventType.startsWith('xstate.done.')));
    const missing = defined.filter((t) => !taken.has(t)).map((t) => `${t.source.path.join('.')} --${t.eventType}-->`);
    expect(missing).toEqual([]);
    // onDone of the parallel signing state: both signatures lead to an active agreement.
    expect(edges.some(({ state, nextState }) => state.matches('signing') && nextState.matches('active'))).toBe(true);
  });

  it('offers a way forward from every state that is not final, and nothing from final ones', () => {
    for (const vertex of vertices) {
      const leaving = edges.filter(({ state, nextState }) => state === vertex && JSON.stringify(nextState.value) !== JSON.stringify(state.value));
      expect({ state: vertex.value, forward: leaving.length > 0 }).toEqual({ state: vertex.value, forward: vertex.status !== 'done' });
    }
  });

  it('replays the shortest path to every state through fold, arriving at the same state', () => {
    const paths = getShortestPaths(caseMachine, options);
    expect(paths.length).toBe(vertices.length);
    for (const path of paths) {
      // The first step is xstate's own init event.
      const events = path.steps.map((step) => step.event as { type: string }).filter((e) => e.type !== 'xstate.init') as CaseEvent[];
      expect(fold(events).value).toEqual(path.state.value);
    }
  });
});
