import { appealWindowEnd, finalFrom } from './appeal-window';
import { commandEvents, type Command, type CommandOf, type CommandType } from './case.commands';
import type { CaseEvent, EventData } from './case.events';
import { present, type CaseFacts } from './case.facts';
import { activeLeaves, allowedCommands, stateLabel } from './case.queries';
import { violations } from './case.rules';
import type { CaseSnapshot } from './evolve';
import { RuleViolated, TransitionNotAllowed } from './lifecycle.errors';
import { noticeEffectiveDate, refundOnTermination } from './termination';

type EventFor<K extends CommandType> = (typeof commandEvents)[K];
type DataFor<K extends CommandType> = Omit<EventData<EventFor<K>>, 'at'>;
type Build<K extends CommandType> = (command: CommandOf<K>, facts: CaseFacts) => DataFor<K>;

/** Most commands record their payload as it is. */
const payload = <C extends { type: string; now: string }>({ type: _type, now: _now, ...data }: C) => data;

/** Computed facts are computed here, once, and stored: replay never recomputes them. */
const builders: { [K in CommandType]: Build<K> } = {
  'submit-application': payload,
  register: payload,
  'assign-officer': payload,
  withdraw: payload,
  'close-ineligible': payload,
  'draft-proposal': payload,
  'sign-proposal': payload,
  'schedule-meeting': payload,
  'record-decision': payload,
  'record-justering': payload,
  'record-posting': ({ postedOn }) => ({ postedOn, appealWindowEndsOn: appealWindowEnd(postedOn) }),
  'record-final': (_, facts) => ({ finalOn: finalFrom(present(facts.protocol.appealWindowEndsOn)) }),
  'lodge-appeal': payload,
  'record-appeal-outcome': payload,
  sign: payload,
  'record-payment': payload,
  'record-meeting': payload,
  'submit-annual-report': payload,
  'record-evaluation': payload,
  'claim-repayment': payload,
  'submit-report-back': payload,
  'amend-terms': payload,
  'start-renewal': payload,
  'complete-renewal': payload,
  'give-notice': (command, facts) => ({
    ...payload(command),
    effectiveOn: noticeEffectiveDate(command.receivedOn, present(facts.terms).noticeMonths),
  }),
  'record-termination': (_, facts) => {
    const terminatedOn = present(facts.notice).effectiveOn;
    return { terminatedOn, refund: refundOnTermination(facts.payments, terminatedOn).total };
  },
  'record-expiry': (_, facts) => ({ expiredOn: present(facts.terms).period.end }),
};

/**
 * The events a command records, or a refusal: {@link TransitionNotAllowed} when the state has no
 * use for it, {@link RuleViolated} when the machine's guard refuses it. The machine (`can`) is the
 * judge; the rules are read again only to explain a refusal. The command's shape is the caller's
 * business (the API validates it against its DTOs); its domain rules are the machine's.
 */
export function decide(snapshot: CaseSnapshot, command: Command): CaseEvent[] {
  if (!allowedCommands(snapshot).includes(command.type)) {
    throw new TransitionNotAllowed(command.type, { paths: activeLeaves(snapshot), label: stateLabel(snapshot) }, allowedCommands(snapshot));
  }
  const build = builders[command.type] as Build<CommandType>;
  const event = { type: commandEvents[command.type], data: { ...build(command as never, snapshot.context), at: command.now } } as CaseEvent;
  if (!snapshot.can(event)) throw new RuleViolated(violations(snapshot.context, event));
  return [event];
}
