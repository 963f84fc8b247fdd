import { expect } from '@jest/globals';
import { activeLeaves, decide, fold, LifecycleError, type CaseEvent, type CaseSnapshot, type Command, type RuleViolated } from '../../src/lifecycle';

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
