/** The pure IOP case lifecycle: no framework, no I/O, no clock (time arrives with each command). */
export { appealWindowEnd, finalFrom } from './appeal-window';
export { addMonths, isIsoDate, stockholmDate, type IsoDate, type Timestamp } from '../calendar';
export {
  COMMANDS,
  COMMAND_TYPES,
  RECEIVING_ROLES,
  ROLES,
  actingRole,
  commandEvents,
  commandRoles,
  issuingRoles,
  partyRoles,
  refusalOf,
  roleRefusal,
  ruleNames,
  type Command,
  type CommandDefinition,
  type CommandOf,
  type CommandPayloads,
  type CommandType,
  type Issuer,
  type ReceiptPayload,
  type Refusal,
  type Role,
  type Rule,
  type Violation,
} from './commands';
export type * from './commands';
export type * from './case.events';
export type { CaseFacts } from './case.facts';
export { CASE_MACHINE_ID, CASE_MACHINE_VERSION, CLOSED_TAG, caseMachine, machines, rulesVersionOf, type CaseMachine } from './case.machine';
export { activeLeaves, allowedCommands, stateLabel, type Label } from './case.queries';
export type * from './case.values';
export {
  APPEAL_OUTCOMES,
  BODY_KINDS,
  DECISION_OUTCOMES,
  FOLLOW_UP_FORUMS,
  FUNDING_LINE_KINDS,
  PARTY_ROLES,
  PAYMENT_SCHEDULES,
  RECEIPT_CHANNELS,
  ERASED,
  DOCUMENT_KINDS,
} from './case.values';
export { decide } from './decide';
export { evolve, findMachine, fold, initialSnapshot, machineFor, restoreState, stateOf, type CaseSnapshot, type CaseState } from './evolve';
export * from './lifecycle.errors';
export { currentSchemaVersion, EVENT_SCHEMA_VERSIONS } from './case.event-schemas';
export { deriveMachine, retarget } from './machine-variant';
export { applyRecorded, foldOnto, foldStored, machineChangeOf, toCaseEvent, type FoldedCase, type StoredCaseEvent } from './recorded-events';
export { decideMigration, migrateSnapshot, type MachineRef, type MachineVersionChanged } from './machine-migration';
export { isValidOrganisationNumber, normaliseOrganisationNumber, sameOrganisation } from './organisation-number';
export { lastDayToGiveNotice, noticeEffectiveDate, refundOnTermination, type Refund, type RefundLine } from './termination';
export {
  ADJUSTMENT_DUE_DAYS,
  indexCodes,
  NO_INDEX_VALUES,
  ownValue,
  paymentPlan,
  seriesLookup,
  type IndexSeriesLookup,
  type PaymentPlan,
  type PlanLine,
  type PlanYear,
} from './payment-plan';
export { previewCase, type CasePreview } from './migration-preview';
