import { getNextTransitions, type AnyStateNode } from 'xstate';
import { COMMAND_TYPES, commandEvents, type CommandType } from './commands';
import type { StateMeta } from './case.machine';
import type { CaseSnapshot } from './evolve';

export type Label = StateMeta['label'];

/** Command types the machine takes in this state, whatever the payload (roles are checked elsewhere). */
export function allowedCommands(snapshot: CaseSnapshot): CommandType[] {
  const eventTypes = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return COMMAND_TYPES.filter((type) => eventTypes.has(commandEvents[type]));
}

/** Dotted paths of the active leaf states; several inside a parallel state. */
export function activeLeaves(snapshot: CaseSnapshot): string[] {
  const walk = (value: unknown, prefix: string): string[] =>
    typeof value === 'string'
      ? [`${prefix}${value}`]
      : Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => walk(child, `${prefix}${key}.`));
  return walk(snapshot.value, '');
}

/**
 * The state's name for people: the leaf's label, or inside a parallel state its label followed by
 * each region's ("Undertecknande: undertecknad av kommunen, väntar på organisationens underskrift").
 */
export function stateLabel(snapshot: CaseSnapshot): Label {
  const leaves = activeLeaves(snapshot).map((path) => nodeAt(snapshot.machine.root, path));
  if (leaves.length === 1) return labelOf(leaves[0]);
  const parallel = nodeAt(snapshot.machine.root, commonPrefix(activeLeaves(snapshot)));
  const join = (lang: keyof Label) => `${labelOf(parallel)[lang]}: ${leaves.map((leaf) => labelOf(leaf)[lang]).join(', ')}`;
  return { sv: join('sv'), en: join('en') };
}

export function labelOf(node: AnyStateNode): Label {
  return (node.meta as StateMeta).label;
}

function nodeAt(root: AnyStateNode, path: string): AnyStateNode {
  return path === '' ? root : path.split('.').reduce((node, key) => node.states[key], root);
}

function commonPrefix(paths: string[]): string {
  const split = paths.map((p) => p.split('.'));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => parts[i] !== undefined && parts[i] === split[0][i]); i++) common.push(split[0][i]);
  return common.join('.');
}
