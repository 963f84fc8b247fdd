import { describe, expect, it } from '@jest/globals';
import type { AnyStateNode, AnyTransitionDefinition, StateValue } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { addDays } from './calendar-date';
import type { Command, CommandPayloads, CommandType } from './case.commands';
import type { CaseEvent } from './case.events';
import type { CaseFacts } from './case.facts';
import { caseMachine } from './case.machine';
import { allowedCommands } from './case.queries';
import { decide } from './decide';
import { fold, type CaseSnapshot } from './evolve';
import { LifecycleError } from './lifecycle.errors';
import { bodies, linkoping as L } from '../demo/seed-cases';

/**
 * Model-based: explore the machine from `new` with sample commands for whatever each state allows,
 * turned into events by `decide` (so only events the rules accept). Every state must be reached,
 * every transition taken, and every state that is not final must have a way forward.
 */
const NOW = '2030-06-01T12:00:00Z';
const payload = <C extends { type: string; now: string }>({ type: _t, now: _n, ...rest }: C) => rest;
const need = <T>(value: T | null | undefined): T => {
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
    f.nextMeeting
      ? [{ body: bodyByCode(f.nextMeeting.bodyCode), meetingDate: addDays(f.nextMeeting.after, 14) }]
      : [payload(L.schedule)],
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
  'claim-repayment': () => [{ amount: 1_000, claimedOn: '2024-04-01', reason: 'Utvärderingen 2023' }],
  'submit-report-back': () => [payload(L.reportBack)],
  'amend-terms': (f) => [{ terms: { ...need(f.terms), exclusions: ['Vittnesstöd'] }, reason: 'Förändrade förutsättningar', agreedOn: '2024-06-01' }],
  'start-renewal': () => [{ newCaseId: 'next-case', startedOn: '2025-04-01' }],
  'complete-renewal': (f) => [{ newCaseId: need(f.renewal).newCaseId, completedOn: '2025-12-15' }],
  'give-notice': () => (['municipality', 'organisation'] as const).map((party) => ({ ...payload(L.notice), party })),
  'record-termination': () => [{}],
  'record-expiry': () => [{}],
};

function sampleEvents(snapshot: CaseSnapshot): CaseEvent[] {
  return allowedCommands(snapshot).flatMap((type) =>
    (samples[type] as (f: CaseFacts) => object[])(snapshot.context).flatMap((p) => {
      try {
        return decide(snapshot, { ...p, type, now: NOW } as Command);
      } catch (error) {
        if (error instanceof LifecycleError) return [];
        throw error;
      }
    }),
  );
}

/** The state plus the few facts that open transitions (a payment and a misuse finding allow a claim). */
const serializeState = (s: CaseSnapshot) =>
  JSON.stringify([s.value, s.context.payments.length > 0, s.context.evaluations.some((e) => !e.fundsUsedAsIntended)]);
const options = { events: sampleEvents, serializeState };

const adjacency = getAdjacencyMap(caseMachine, options);
const vertices = Object.values(adjacency).map((v) => v.state);
const edges = adjacencyMapToArray(adjacency);

const allNodes = (node: AnyStateNode): AnyStateNode[] =>
  (Object.values(node.states) as AnyStateNode[]).flatMap((child) => [child, ...allNodes(child)]);
const matches = (snapshot: CaseSnapshot, node: AnyStateNode) =>
  node.path.length === 0 || snapshot.matches(toMatchValue(node.path) as never);
const toMatchValue = (path: readonly string[]): StateValue =>
  path.length === 1 ? path[0] : { [path[0]]: toMatchValue(path.slice(1)) };

describe('model: every state, every transition', () => {
  const nodes = allNodes(caseMachine.root);

  it.each(nodes.map((n) => [n.path.join('.'), n] as const))('reaches %s', (_, node) => {
    expect(vertices.some((v) => matches(v, node))).toBe(true);
  });

  it('takes every transition of the definition at least once', () => {
    const taken = new Set<AnyTransitionDefinition>(
      edges.flatMap(({ state, event }) => caseMachine.getTransitionData(state, event) as AnyTransitionDefinition[]),
    );
    const defined = nodes.flatMap((node) =>
      [...node.transitions.values()].flat().filter((t) => !t.eventType.startsWith('xstate.done.')),
    );
    const missing = defined.filter((t) => !taken.has(t)).map((t) => `${t.source.path.join('.')} --${t.eventType}-->`);
    expect(missing).toEqual([]);
    // onDone of the parallel signing state: both signatures lead to an active agreement.
    expect(edges.some(({ state, nextState }) => state.matches('signing') && nextState.matches('active'))).toBe(true);
  });

  it('offers a way forward from every state that is not final, and nothing from final ones', () => {
    for (const vertex of vertices) {
      const leaving = edges.filter(({ state, nextState }) => state === vertex && JSON.stringify(nextState.value) !== JSON.stringify(state.value));
      expect({ state: vertex.value, forward: leaving.length > 0 }).toEqual({ state: vertex.value, forward: vertex.status !== 'done' });
    }
  });

  it('replays the shortest path to every state through fold, arriving at the same state', () => {
    const paths = getShortestPaths(caseMachine, options);
    expect(paths.length).toBe(vertices.length);
    for (const path of paths) {
      // The first step is xstate's own init event.
      const events = path.steps.map((step) => step.event as { type: string }).filter((e) => e.type !== 'xstate.init') as CaseEvent[];
      expect(fold(events).value).toEqual(path.state.value);
    }
  });
});
