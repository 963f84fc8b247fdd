import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { AnyStateNode } from 'xstate';
import type { CaseMachine, Label } from '../../lifecycle';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface StatechartState {
  /** The state's path, e.g. `decision.approved.awaitingJustering` (as in a case's `state.paths`). */
  readonly path: string;
  readonly parent: string | null;
  readonly label: Label;
  readonly kind: StateKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface StatechartTransition {
  readonly from: string;
  readonly to: string;
  /** The events that take this transition (onDone shows as `done`). */
  readonly events: string[];
  /** The drawn line: start, bends, end. */
  readonly points: { x: number; y: number }[];
}

export interface Statechart {
  readonly width: number;
  readonly height: number;
  /** Parents before their children, in the machine's order: the order a text list reads them in. */
  readonly states: StatechartState[];
  readonly transitions: StatechartTransition[];
}

const LINE_HEIGHT = 40;
/** Wide enough for the longer of a state's labels at the app's diagram font (13 px, ~7 px a character). */
const widthOf = (label: Label) => Math.max(110, Math.ceil(Math.max(label.sv.length, label.en.length) * 7) + 24);

const children = (node: AnyStateNode) => Object.values(node.states) as AnyStateNode[];
const pathOf = (node: AnyStateNode) => node.path.join('.');
const labelOf = (node: AnyStateNode) => (node.meta as { label: Label }).label;
const isWithin = (node: AnyStateNode, ancestor: AnyStateNode): boolean => node.parent === ancestor || (node.parent ? isWithin(node.parent, ancestor) : false);

function elkNode(node: AnyStateNode): ElkNode {
  const inner = children(node);
  if (inner.length === 0) return { id: pathOf(node), width: widthOf(labelOf(node)), height: LINE_HEIGHT };
  return {
    id: pathOf(node),
    // Room for the compound state's own label above its children.
    layoutOptions: { 'elk.padding': '[top=34,left=12,bottom=12,right=12]', 'elk.nodeSize.minimum': `(${widthOf(labelOf(node))},${LINE_HEIGHT})` },
    children: inner.map(elkNode),
  };
}

/** One edge per pair of states, naming every event between them; none from a state into its own inside (drawn by nesting). */
function transitionsOf(machine: CaseMachine): Map<string, { from: AnyStateNode; to: AnyStateNode; events: string[] }> {
  const edges = new Map<string, { from: AnyStateNode; to: AnyStateNode; events: string[] }>();
  const visit = (node: AnyStateNode) => {
    for (const transition of [...node.transitions.values()].flat()) {
      const event = transition.eventType.startsWith('xstate.done.state.') ? 'done' : transition.eventType;
      for (const to of (transition.target ?? []) as AnyStateNode[]) {
        if (to === node || isWithin(to, node) || isWithin(node, to)) continue;
        const key = `${pathOf(node)}->${pathOf(to)}`;
        const edge = edges.get(key) ?? { from: node, to, events: [] };
        if (!edge.events.includes(event)) edge.events.push(event);
        edges.set(key, edge);
      }
    }
    children(node).forEach(visit);
  };
  children(machine.root).forEach(visit);
  return edges;
}

/**
 * Lays out a machine's statechart with ELK (layered, nested states inside their parents,
 * coordinates absolute): the web app draws it as it is, so the browser needs no layout engine.
 */
export async function layoutStatechart(machine: CaseMachine): Promise<Statechart> {
  const edges = transitionsOf(machine);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '32',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: children(machine.root).map(elkNode),
    edges: [...edges.entries()].map(([id, { from, to }]): ElkExtendedEdge => ({ id, sources: [pathOf(from)], targets: [pathOf(to)] })),
  };
  const laid = await new ELK().layout(graph);
  const nodes = new Map<string, ElkNode>();
  const collect = (node: ElkNode) => (node.children ?? []).forEach((child) => (nodes.set(child.id, child), collect(child)));
  collect(laid);
  const states: StatechartState[] = [];
  const list = (node: AnyStateNode) => {
    const box = nodes.get(pathOf(node))!;
    states.push({
      path: pathOf(node),
      parent: node.parent && node.parent !== machine.root ? pathOf(node.parent) : null,
      label: labelOf(node),
      kind: node.type === 'history' ? 'atomic' : node.type,
      x: box.x ?? 0,
      y: box.y ?? 0,
      width: box.width ?? 0,
      height: box.height ?? 0,
    });
    children(node).forEach(list);
  };
  children(machine.root).forEach(list);
  const transitions = (laid.edges ?? []).map((edge) => {
    const { from, to, events } = edges.get(edge.id)!;
    const section = (edge as ElkExtendedEdge).sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    return { from: pathOf(from), to: pathOf(to), events, points };
  });
  return { width: laid.width ?? 0, height: laid.height ?? 0, states, transitions };
}
