import type { AnyStateNode, StateValue } from 'xstate';
import type { Timestamp } from '../calendar';
import type { CaseMachine, StateMeta } from './case.machine';
import type { Violation } from './commands';
import { findMachine, initialSnapshot, type CaseSnapshot } from './evolve';
import { MigrationRefused } from './lifecycle.errors';

export interface MachineRef {
  readonly id: string;
  readonly version: number;
}

/**
 * Recorded in the case's stream, under the target machine: from this event on the case folds
 * through `to`. Its state and facts carry over unchanged; that is what {@link decideMigration} checks.
 */
export interface MachineVersionChanged {
  type: 'MachineVersionChanged';
  data: { from: MachineRef; to: MachineRef; reason: string; at: Timestamp };
}

export const MACHINE_VERSION_CHANGED = 'MachineVersionChanged';

export type MigrationDecision = { readonly allowed: true; readonly event: MachineVersionChanged } | { readonly allowed: false; readonly reasons: Violation[] };

export type MachineLookup = (ref: MachineRef) => CaseMachine | undefined;
const registered: MachineLookup = ({ id, version }) => findMachine(id, version);

/**
 * Whether a live case may move from the machine it lives under to `to`. Allowed only when the
 * target knows the case's exact state (every active state, at the same place in the hierarchy) and
 * its facts are valid there (every fact the target keeps exists, and the facts the target's states
 * require are known). Nothing is guessed: a case that does not fit stays where it is.
 */
export function decideMigration(
  snapshot: CaseSnapshot,
  from: MachineRef,
  to: MachineRef,
  command: { reason: string; now: Timestamp },
  lookup: MachineLookup = registered,
): MigrationDecision {
  const reasons = migrationProblems(snapshot, from, to, lookup);
  if (reasons.length > 0) return { allowed: false, reasons };
  return { allowed: true, event: { type: MACHINE_VERSION_CHANGED, data: { from: { ...from }, to: { ...to }, reason: command.reason, at: command.now } } };
}

/** The case's snapshot under the target machine: same state value, same facts. Refuses what {@link decideMigration} would. */
export function migrateSnapshot(snapshot: CaseSnapshot, from: MachineRef, to: MachineRef, lookup: MachineLookup = registered): CaseSnapshot {
  const reasons = migrationProblems(snapshot, from, to, lookup);
  if (reasons.length > 0) throw new MigrationRefused(reasons);
  return lookup(to)!.resolveState({ value: snapshot.value, context: snapshot.context });
}

function migrationProblems(snapshot: CaseSnapshot, from: MachineRef, to: MachineRef, lookup: MachineLookup): Violation[] {
  const name = (ref: MachineRef) => `${ref.id} v${ref.version}`;
  if (from.id === to.id && from.version === to.version) {
    return [reason('SAME_MACHINE', `Ärendet följer redan ${name(to)}.`, `The case already lives under ${name(to)}.`)];
  }
  const target = lookup(to);
  if (target === undefined) return [reason('UNKNOWN_MACHINE', `${name(to)} finns inte.`, `There is no machine ${name(to)}.`)];
  if (snapshot.status === 'done') return [reason('CASE_CLOSED', 'Ärendet är avslutat.', 'The case is closed.')];
  return [...stateProblems(target.root, snapshot.value, ''), ...factProblems(target, snapshot)];
}

/** Every active state of the value must exist in the target, as a leaf where it is a leaf, with all regions of a parallel state. */
function stateProblems(node: AnyStateNode, value: StateValue, prefix: string): Violation[] {
  const unknown = (path: string, why: string) =>
    reason('STATE_UNKNOWN', `Tillståndet ${path} finns inte i målversionen (${why}).`, `State ${path} does not exist in the target machine (${why}).`);
  const entries: [string, StateValue | undefined][] = typeof value === 'string' ? [[value, undefined]] : Object.entries(value);
  const problems: Violation[] = [];
  if (node.type === 'parallel') {
    const missing = Object.keys(node.states).filter((region) => !(region in (value as object)));
    if (missing.length > 0) problems.push(unknown(prefix.slice(0, -1), `its regions ${missing.join(', ')} have no state`));
  }
  for (const [key, child] of entries) {
    const path = `${prefix}${key}`;
    const target = node.states[key];
    if (target === undefined) problems.push(unknown(path, 'no such state'));
    else if (child === undefined && Object.keys(target.states).length > 0) problems.push(unknown(path, 'it has substates there'));
    else if (child !== undefined && Object.keys(target.states).length === 0) problems.push(unknown(path, 'it has no substates there'));
    else if (child !== undefined) problems.push(...stateProblems(target, child, `${path}.`));
  }
  return problems;
}

/** Facts the target keeps must all exist; facts its active states declare (`meta.requires`) must be known. */
function factProblems(target: CaseMachine, snapshot: CaseSnapshot): Violation[] {
  const facts = snapshot.context as unknown as Record<string, unknown>;
  const absent = Object.keys(initialSnapshot(target).context).filter((key) => !(key in facts));
  const problems = absent.map((key) =>
    reason('FACT_UNKNOWN', `Faktauppgiften ${key} saknas i ärendet.`, `The case has no fact ${key}, which the target machine keeps.`),
  );
  for (const node of activeNodes(target.root, snapshot.value)) {
    for (const key of (node.meta as Partial<StateMeta> | undefined)?.requires ?? []) {
      const known = facts[key];
      if (known === null || known === undefined || (Array.isArray(known) && known.length === 0)) {
        problems.push(
          reason(
            'FACT_MISSING',
            `Tillståndet ${node.path.join('.')} kräver ${key}, som inte är känd.`,
            `State ${node.path.join('.')} requires ${key}, which is not known.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** The target's state nodes that the value makes active (those that exist). */
function activeNodes(node: AnyStateNode, value: StateValue): AnyStateNode[] {
  const entries: [string, StateValue | undefined][] = typeof value === 'string' ? [[value, undefined]] : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const next = node.states[key];
    if (next === undefined) return [];
    return [next, ...(child === undefined ? [] : activeNodes(next, child))];
  });
}

const reason = (rule: string, sv: string, en: string): Violation => ({ rule, sv, en });
