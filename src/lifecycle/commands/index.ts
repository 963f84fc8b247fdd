import { stockholmDate, type Timestamp } from '../../calendar';
import type { CaseEvent, CaseEventType } from '../case.events';
import type { CaseFacts } from '../case.facts';
import { amendTerms } from './amend-terms';
import { assignOfficer } from './assign-officer';
import { claimRepayment } from './claim-repayment';
import { closeIneligible } from './close-ineligible';
import type { CommandDefinition, Issuer, Refusal, Role } from './command';
import { completeRenewal } from './complete-renewal';
import { draftProposal } from './draft-proposal';
import { giveNotice } from './give-notice';
import { lodgeAppeal } from './lodge-appeal';
import { recordAppealOutcome } from './record-appeal-outcome';
import { recordDecision } from './record-decision';
import { recordEvaluation } from './record-evaluation';
import { recordExpiry } from './record-expiry';
import { recordFinal } from './record-final';
import { recordJustering } from './record-justering';
import { recordMeeting } from './record-meeting';
import { recordPayment } from './record-payment';
import { recordPosting } from './record-posting';
import { recordTermination } from './record-termination';
import { register } from './register';
import { heldUnder, type Rule, type Violation } from './rules';
import { scheduleMeeting } from './schedule-meeting';
import { sign } from './sign';
import { signProposal } from './sign-proposal';
import { startRenewal } from './start-renewal';
import { submitAnnualReport } from './submit-annual-report';
import { submitApplication } from './submit-application';
import { submitReportBack } from './submit-report-back';
import { withdraw } from './withdraw';

/**
 * Every command of the lifecycle by its type (the API's command types), in the order of the
 * lifecycle: the order of `allowedCommands` and of the docs. Adding a command: its file here, a
 * row below, a transition on its event in the machine.
 */
export const COMMANDS = {
  'submit-application': submitApplication,
  register,
  'assign-officer': assignOfficer,
  withdraw,
  'close-ineligible': closeIneligible,
  'draft-proposal': draftProposal,
  'sign-proposal': signProposal,
  'schedule-meeting': scheduleMeeting,
  'record-decision': recordDecision,
  'record-justering': recordJustering,
  'record-posting': recordPosting,
  'record-final': recordFinal,
  'lodge-appeal': lodgeAppeal,
  'record-appeal-outcome': recordAppealOutcome,
  sign,
  'record-payment': recordPayment,
  'record-meeting': recordMeeting,
  'submit-annual-report': submitAnnualReport,
  'record-evaluation': recordEvaluation,
  'claim-repayment': claimRepayment,
  'submit-report-back': submitReportBack,
  'amend-terms': amendTerms,
  'start-renewal': startRenewal,
  'complete-renewal': completeRenewal,
  'give-notice': giveNotice,
  'record-termination': recordTermination,
  'record-expiry': recordExpiry,
} as const;

export type CommandType = keyof typeof COMMANDS;
type PayloadOf<D> = D extends CommandDefinition<infer _E, infer P> ? P : never;
/** The payload of each command: plain types, which the API's DTOs implement. */
export type CommandPayloads = { [K in CommandType]: PayloadOf<(typeof COMMANDS)[K]> };
/** `now` is when the command is given, by the engine's clock; never part of a request body. */
export type CommandOf<K extends CommandType> = { type: K; now: Timestamp } & CommandPayloads[K];
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];

export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** Each command records exactly one event; the machine decides whether that event may happen. */
export const commandEvents = Object.fromEntries(COMMAND_TYPES.map((type) => [type, COMMANDS[type].event])) as {
  [K in CommandType]: (typeof COMMANDS)[K]['event'];
};

/** Who may give each command (domain.md's role table); auditors read and never write, admins keep reference data. */
export const commandRoles = Object.fromEntries(COMMAND_TYPES.map((type) => [type, COMMANDS[type].roles])) as Record<CommandType, readonly Role[]>;

/** The issuer's roles that may give this command: none means they may not. */
export function issuingRoles(type: CommandType, issuer: Issuer): Role[] {
  return commandRoles[type].filter((role) => issuer.roles.includes(role));
}

/** Why the issuer's roles do not allow this command, whatever its payload; undefined when they do. */
export function roleRefusal(type: CommandType, issuer: Issuer): Refusal | undefined {
  if (issuingRoles(type, issuer).length > 0) return undefined;
  return { code: 'FORBIDDEN_ROLE', message: `'${type}' needs one of the roles ${commandRoles[type].join(', ')}.`, required: commandRoles[type] };
}

/** Why the issuer may not give this command with this payload (its roles, the party it acts for, its own organisation). */
export function refusalOf<K extends CommandType>(type: K, issuer: Issuer, payload: CommandPayloads[K]): Refusal | undefined {
  return roleRefusal(type, issuer) ?? definitionOf(type).mayIssue?.(issuer, issuingRoles(type, issuer), payload);
}

/** A command's row, typed by its payload: TypeScript cannot follow K from the table to its row by itself. */
export function definitionOf<K extends CommandType>(type: K): CommandDefinition<CaseEventType, CommandPayloads[K]> {
  return COMMANDS[type] as CommandDefinition<CaseEventType, CommandPayloads[K]>;
}

/** The rules of the command that records each event type. */
const rulesByEvent = Object.fromEntries(COMMAND_TYPES.map((type) => [COMMANDS[type].event, COMMANDS[type].rules])) as {
  [T in CaseEventType]: readonly Rule<T>[];
};

/**
 * The rules `event` breaks against the facts under machine `version`, by name: each machine's
 * `rulesHold` guard, and the reasons of a refusal.
 */
export function violations(facts: CaseFacts, event: CaseEvent, version: number): Violation[] {
  // A stored event of a type no command records (a stream tampered with) has no rules: the machine's refusal says enough.
  const rules = ((rulesByEvent[event.type] ?? []) as readonly Rule<CaseEventType>[]).filter((rule) => heldUnder(rule, version));
  const today = stockholmDate(event.data.at);
  return rules.flatMap((rule) => rule.check(facts, event.data, today).map((message) => ({ rule: rule.name, ...message })));
}

/** The names of a command's rules under machine `version`, for the docs. */
export function ruleNames(type: CommandType, version: number): string[] {
  return [...new Set(COMMANDS[type].rules.filter((rule) => heldUnder(rule, version)).map((rule) => rule.name))];
}

/** The names of a command's rules that machine `version` no longer holds, for the docs. */
export function retiredRuleNames(type: CommandType, version: number): string[] {
  const held = new Set(ruleNames(type, version));
  return [...new Set(COMMANDS[type].rules.filter((rule) => !held.has(rule.name) && (rule.until ?? version) < version).map((rule) => rule.name))];
}

/**
 * The role the issuer gives the command in with this payload (recorded in its events): the first
 * of its roles that may give it alone. A handläggare who is also a signatory records the
 * organisation's paper signature as handläggare.
 */
export function actingRole<K extends CommandType>(type: K, issuer: Issuer, payload: CommandPayloads[K]): Role | undefined {
  const mayIssue = definitionOf(type).mayIssue;
  return issuingRoles(type, issuer).find((role) => mayIssue?.(issuer, [role], payload) === undefined);
}

export { partyRoles, ROLES, type CommandDefinition, type Issuer, type NoPayload, type Recorded, type Refusal, type Role } from './command';
export type { Rule, Violation } from './rules';
export type { AmendTermsPayload } from './amend-terms';
export type { AssignOfficerPayload } from './assign-officer';
export type { ClaimRepaymentPayload } from './claim-repayment';
export type { CloseIneligiblePayload } from './close-ineligible';
export type { CompleteRenewalPayload } from './complete-renewal';
export type { DraftProposalPayload } from './draft-proposal';
export type { GiveNoticePayload } from './give-notice';
export type { LodgeAppealPayload } from './lodge-appeal';
export type { RecordAppealOutcomePayload } from './record-appeal-outcome';
export type { RecordDecisionPayload } from './record-decision';
export type { RecordEvaluationPayload } from './record-evaluation';
export type { RecordExpiryPayload } from './record-expiry';
export type { RecordFinalPayload } from './record-final';
export type { RecordJusteringPayload } from './record-justering';
export type { RecordMeetingPayload } from './record-meeting';
export type { RecordPaymentPayload } from './record-payment';
export type { RecordPostingPayload } from './record-posting';
export type { RecordTerminationPayload } from './record-termination';
export type { RegisterPayload } from './register';
export type { ScheduleMeetingPayload } from './schedule-meeting';
export type { SignPayload } from './sign';
export type { SignProposalPayload } from './sign-proposal';
export type { StartRenewalPayload } from './start-renewal';
export type { SubmitAnnualReportPayload } from './submit-annual-report';
export type { SubmitApplicationPayload } from './submit-application';
export type { SubmitReportBackPayload } from './submit-report-back';
export type { WithdrawPayload } from './withdraw';
export { RECEIVING_ROLES, type ReceiptPayload } from './receipt';
