import { addDays } from '../../src/calendar';
import { kronor } from '../../src/money';
import { bodies, linkoping as L } from '../../src/demo/seed-cases';
import {
  activeLeaves,
  allowedCommands,
  decide,
  LifecycleError,
  type CaseEvent,
  type CaseFacts,
  type CaseSnapshot,
  type Command,
  type CommandPayloads,
  type CommandType,
} from '../../src/lifecycle';

/**
 * The lifecycle as a graph for the model-based tests (the lifecycle's own and the API's): from
 * `new`, sample commands for whatever each state allows, kept where `decide` accepts them. Every
 * command is given at {@link MODEL_NOW}, after every date of the samples.
 */
export const MODEL_NOW = '2030-06-01T12:00:00Z';

const payload = <C extends { type: string; now: string }>({ type: _t, now: _n, ...rest }: C) => rest;
export const need = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('sample needs a fact the state should have');
  return value;
};
const bodyByCode = (code: string) => need(Object.values(bodies).find((b) => b.code === code));

/** Sample payloads per command, derived from the facts so that dates stay in order. */
const samples: { [K in CommandType]: (f: CaseFacts) => CommandPayloads[K][] } = {
  'submit-application': () => [payload(L.submit)],
  register: () => [payload(L.register)],
  'assign-officer': () => [payload(L.assignOfficer)],
  withdraw: () => [{ withdrawnOn: '2022-09-05', reason: 'Avstår' }],
  'close-ineligible': () => [{ closedOn: '2022-09-05', reason: 'Upphandling enligt LOU' }],
  'draft-proposal': () => [payload(L.draft)],
  'sign-proposal': () => [payload(L.signProposal)],
  'schedule-meeting': (f) =>
    f.nextMeeting ? [{ body: bodyByCode(f.nextMeeting.bodyCode), meetingDate: addDays(f.nextMeeting.after, 14) }] : [payload(L.schedule)],
  'record-decision': () =>
    (['approved', 'rejected', 'returned', 'deferred', 'recommended'] as const).map((outcome) => ({
      outcome,
      paragraph: null,
      recommendedTo: outcome === 'recommended' ? bodies.KF : null,
      motivation: null,
    })),
  'record-justering': (f) => [{ justeradOn: need(f.meeting).meetingDate }],
  'record-posting': (f) => [{ postedOn: need(f.protocol.justeradOn) }],
  'record-final': () => [{}],
  'lodge-appeal': (f) => [{ lodgedOn: need(f.protocol.postedOn), court: 'Förvaltningsrätten', caseReference: null }],
  'record-appeal-outcome': (f) => (['upheld', 'quashed'] as const).map((outcome) => ({ outcome, decidedOn: need(f.appeal).lodgedOn })),
  sign: (f) =>
    (['municipality', 'organisation'] as const).map((party) => ({
      party,
      signatory: { name: 'N N', title: 'Firmatecknare' },
      organisationNumber: need(f[party]).organisationNumber,
      signedOn: need(f.finalOn),
    })),
  'record-payment': () => [payload(L.payment2023)],
  'record-meeting': () => [payload(L.operationalMeeting)],
  'submit-annual-report': () => [payload(L.annualReport2023)],
  'record-evaluation': () => [payload(L.evaluation2023), { ...payload(L.evaluation2023), fundsUsedAsIntended: false }],
  'claim-repayment': () => [{ amount: kronor(1_000), claimedOn: '2024-04-01', reason: 'Utvärderingen 2023' }],
  'submit-report-back': () => [payload(L.reportBack)],
  'amend-terms': (f) => [
    { terms: { ...need(f.terms), exclusions: ['Vittnesstöd'] }, reason: 'Förändrade förutsättningar', agreedOn: '2024-06-01', effectiveFrom: '2024-07-01' },
  ],
  'start-renewal': () => [{ newCaseId: 'next-case', startedOn: '2025-04-01' }],
  'complete-renewal': (f) => [{ newCaseId: need(f.renewal).newCaseId, completedOn: '2025-12-15' }],
  'give-notice': () => (['municipality', 'organisation'] as const).map((party) => ({ ...payload(L.notice), party })),
  'record-termination': () => [{}],
  'record-expiry': () => [{}],
};

/** A command the case accepts, the event it records, and which sample it is (`record-decision#4`). */
export interface ModelStep {
  readonly label: string;
  readonly command: Command;
  readonly event: CaseEvent;
}

/** Every sample command the state allows and the rules accept. */
export function modelSteps(snapshot: CaseSnapshot): ModelStep[] {
  return allowedCommands(snapshot).flatMap((type) =>
    (samples[type] as (f: CaseFacts) => object[])(snapshot.context).flatMap((p, index) => {
      const command = { ...p, type, now: MODEL_NOW } as Command;
      try {
        return decide(snapshot, command).map((event) => ({ label: `${type}#${index}`, command, event }));
      } catch (error) {
        if (error instanceof LifecycleError) return [];
        throw error;
      }
    }),
  );
}

/**
 * A vertex of the graph: the state plus the few facts that open or route transitions (a payment and
 * a misuse finding allow a claim; which parties signed before a late appeal decides where its
 * upholding leads; where the machine takes an appeal, one already tried refuses another).
 */
export const stateKey = (s: CaseSnapshot): string =>
  JSON.stringify([
    s.value,
    s.context.payments.length > 0,
    s.context.evaluations.some((e) => !e.fundsUsedAsIntended),
    ...(activeLeaves(s).includes('decision.approved.appealedAfterSigning')
      ? [s.context.signatures.municipality !== null, s.context.signatures.organisation !== null]
      : []),
    ...(allowedCommands(s).includes('lodge-appeal') ? [(s.context.appeal?.outcome ?? null) !== null] : []),
  ]);
