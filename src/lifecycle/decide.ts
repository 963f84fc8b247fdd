import type { CaseEvent, CaseEventType, EventData } from './case.events';
import { activeLeaves, allowedCommands, stateLabel } from './case.queries';
import { definitionOf, violations, type CommandOf, type CommandPayloads, type CommandType } from './commands';
import { rulesVersionOf } from './case.machine';
import type { CaseSnapshot } from './evolve';
import { RuleViolated, TransitionNotAllowed } from './lifecycle.errors';

/**
 * The events a command records, or a refusal: {@link TransitionNotAllowed} when the state has no
 * use for it, {@link RuleViolated} when the machine's guard refuses it. The machine (`can`) is the
 * judge; the command's rules are read again only to explain a refusal. The command's shape is the
 * caller's business (the API validates it against its DTOs); its domain rules are the machine's.
 */
export function decide<K extends CommandType>(snapshot: CaseSnapshot, command: CommandOf<K>): CaseEvent[] {
  if (!allowedCommands(snapshot).includes(command.type)) {
    throw new TransitionNotAllowed(command.type, { paths: activeLeaves(snapshot), label: stateLabel(snapshot) }, allowedCommands(snapshot));
  }
  const { type, now, ...payload } = command;
  const definition = definitionOf(type);
  const data = definition.record ? definition.record(payload as CommandPayloads[K], snapshot.context) : payload;
  const event = { type: definition.event, data: { ...data, at: now } as EventData<CaseEventType> } as CaseEvent;
  if (!snapshot.can(event)) throw new RuleViolated(violations(snapshot.context, event, rulesVersionOf(snapshot.machine)));
  return [event];
}
