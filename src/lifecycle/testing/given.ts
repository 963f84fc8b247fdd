import { expect } from '@jest/globals';
import type { Command } from '../commands';
import type { CaseEvent } from '../case.events';
import { activeLeaves } from '../case.queries';
import { decide } from '../decide';
import { evolve, fold, initialSnapshot, type CaseSnapshot } from '../evolve';
import { LifecycleError, RuleViolated } from '../lifecycle.errors';
import type { SeedCase } from '../../demo/seed-cases';

/** The events a sequence of commands records, each decided against the case as it stands. */
export function record(commands: readonly Command[], from: CaseSnapshot = initialSnapshot()): CaseEvent[] {
  const events: CaseEvent[] = [];
  commands.reduce((snapshot, command) => {
    const decided = decide(snapshot, command);
    events.push(...decided);
    return decided.reduce(evolve, snapshot);
  }, from);
  return events;
}

/** The events of a seed case's steps before `step` (all of them without `step`). */
export function historyOf<S extends SeedCase>(seed: S, step?: keyof S): CaseEvent[] {
  const names = Object.keys(seed);
  const end = step === undefined ? names.length : names.indexOf(step as string);
  return record(names.slice(0, end).map((name) => seed[name]));
}

/** Where the case is, as its active leaf paths, e.g. `decision.approved.awaitingPosting`. */
export const stateOf = (snapshot: CaseSnapshot): string => activeLeaves(snapshot).join(' + ');

/**
 * given(...history).when(command).then(...expectedEvents) / .thenFails(code, rule?).
 * `then` returns the case after the new events, for assertions on state and facts.
 */
export function given(...history: CaseEvent[]) {
  const snapshot = fold(history);
  return {
    snapshot,
    when(command: Command) {
      return {
        then(...expected: CaseEvent[]): CaseSnapshot {
          expect(decide(snapshot, command)).toEqual(expected);
          return fold([...history, ...expected]);
        },
        thenFails(code: LifecycleError['code'], rule?: string): LifecycleError {
          const error = refusal(() => decide(snapshot, command));
          expect({ code: error.code, message: error.message }).toMatchObject({ code });
          if (rule !== undefined) expect((error as RuleViolated).violations.map((v) => v.rule)).toContain(rule);
          return error;
        },
      };
    },
  };
}

function refusal(attempt: () => unknown): LifecycleError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof LifecycleError) return error;
    throw error;
  }
  throw new Error('Expected the command to be refused, but it was accepted');
}
