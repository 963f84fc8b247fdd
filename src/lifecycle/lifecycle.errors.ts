import type { CommandType } from './commands';
import type { Violation } from './commands';

export type LifecycleErrorCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'RULE_VIOLATED'
  | 'EVENT_NOT_APPLICABLE'
  | 'UNKNOWN_MACHINE_VERSION'
  | 'UNSUPPORTED_SCHEMA_VERSION'
  | 'MACHINE_MISMATCH'
  | 'MIGRATION_REFUSED';

/** Refusals of the lifecycle core, each with a fixed code the API maps to a status. */
export abstract class LifecycleError extends Error {
  abstract readonly code: LifecycleErrorCode;
}

/** The case is not in a state where this command means anything (409). */
export class TransitionNotAllowed extends LifecycleError {
  readonly code = 'TRANSITION_NOT_ALLOWED';
  constructor(
    readonly command: CommandType,
    readonly state: { paths: string[]; label: { sv: string; en: string } },
    readonly allowed: CommandType[],
  ) {
    super(`'${command}' is not allowed in state '${state.label.en}'; allowed: ${allowed.join(', ') || 'nothing'}`);
  }
}

/** The command fits the state but breaks a rule, e.g. justering before the meeting (409/422). */
export class RuleViolated extends LifecycleError {
  readonly code = 'RULE_VIOLATED';
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.rule}: ${v.en}`).join(' '));
  }
}

/** A stored event does not fit its stream under the recorded machine version: the history is inconsistent. */
export class EventNotApplicable extends LifecycleError {
  readonly code = 'EVENT_NOT_APPLICABLE';
  constructor(
    readonly eventType: string,
    readonly state: unknown,
    readonly violations: Violation[],
  ) {
    super(`${eventType} cannot be applied in state ${JSON.stringify(state)}${violations.map((v) => ` ${v.rule}`).join(',')}`);
  }
}

export class UnknownMachineVersion extends LifecycleError {
  readonly code = 'UNKNOWN_MACHINE_VERSION';
  constructor(
    readonly machineId: string,
    readonly version: number,
  ) {
    super(`No machine ${machineId} version ${version}`);
  }
}

/** A recorded payload of a schema version this build cannot read: written by a newer build, or a gap in the upcasters. */
export class UnsupportedSchemaVersion extends LifecycleError {
  readonly code = 'UNSUPPORTED_SCHEMA_VERSION';
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly current: number,
    why = version > current ? 'written by a newer version of the engine; upgrade before reading it' : 'not a known version',
  ) {
    super(`${eventType} has schema version ${version}; this build reads up to v${current}: ${why}`);
  }
}

/** An event names another machine than the one the case lives under at that point: the history is inconsistent. */
export class MachineMismatch extends LifecycleError {
  readonly code = 'MACHINE_MISMATCH';
  constructor(
    readonly eventType: string,
    readonly recorded: string,
    readonly expected: string,
  ) {
    super(`${eventType} was recorded under ${recorded}, but the case lives under ${expected} at that point`);
  }
}

/** Moving a case to another machine version is not allowed (422); `reasons` say why. */
export class MigrationRefused extends LifecycleError {
  readonly code = 'MIGRATION_REFUSED';
  constructor(readonly reasons: Violation[]) {
    super(`The case cannot move to that machine: ${reasons.map((r) => `${r.rule}: ${r.en}`).join(' ')}`);
  }
}
