import { createMachine, type AnyStateMachine } from 'xstate';

/** A machine's statechart as plain, editable data (guards and actions referenced by name, as in case.machine.ts). */
export type MachineConfig = { states: Record<string, StateConfig> } & Record<string, unknown>;
export interface StateConfig extends Record<string, unknown> {
  states?: Record<string, StateConfig>;
  on?: Record<string, unknown>;
  meta?: object;
}

/**
 * A new machine version made from an existing one: its statechart copied, edited, and built with
 * the same guards and actions. How a v2 (or a candidate for `lifecycle:preview-migration`) starts.
 */
export function deriveMachine<M extends AnyStateMachine>(base: M, edit: (config: MachineConfig) => void): M {
  const config = copy(base.config) as MachineConfig;
  edit(config);
  return createMachine(config as never, base.implementations as never) as unknown as M;
}

/** Deep copy of plain data; functions (composed guards) are shared, not copied. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, copy(child)]));
}

/** Points every transition (and onDone) that targets `from` (e.g. `#iopCase.signing`) at `to` instead: for renaming a state. */
export function retarget(node: unknown, from: string, to: string): void {
  if (node === null || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node)) {
    if ((key === 'target' || key === 'onDone') && child === from) (node as Record<string, unknown>)[key] = to;
    else retarget(child, from, to);
  }
}
