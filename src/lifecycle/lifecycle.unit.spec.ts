import { describe, expect, it } from '@jest/globals';
import { actingRole, refusalOf, type Command, type SignPayload } from './commands';
import { allowedCommands, stateLabel } from './case.queries';
import { decide } from './decide';
import { fold, machineFor } from './evolve';
import { RuleViolated, TransitionNotAllowed } from './lifecycle.errors';
import { given, stateOf } from '../../test/support/given';
import { record, seedEvents } from '../../test/support/seeded-cases';
import { bodies, command, linkoping as L, noon, robertsfors as R } from '../demo/seed-cases';
import type { FundingLine, OwnContributionLine, PartyRole } from './case.values';
import { kronor, ore, type Ore } from '../money';

const fixed = (amountPerYear: Ore): FundingLine => ({ id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear, indexation: null });
const perInhabitant: FundingLine = {
  id: 'bidrag',
  label: 'Bidrag',
  kind: 'perInhabitant',
  ratePerInhabitant: kronor(3),
  inhabitants: { count: 6_784, asOf: '2017-11-01' },
  indexation: null,
};
const ownContribution: OwnContributionLine = {
  id: 'ideell-insats',
  label: 'Ideell insats',
  kind: 'ownContribution',
  hours: 1_500,
  hourlyValue: null,
  statedValue: kronor(341_314),
};

/** Linköping up to (not including) a step. */
const before = (step: keyof typeof L) => seedEvents(L, step);
const activeCase = () => before('payment2023');
const payloadOf = <C extends Command>({ type: _type, now: _now, ...payload }: C) => payload;
const withTerms = (change: Partial<typeof L.submit.terms>) => ({ ...L.submit, terms: { ...L.submit.terms, ...change } });

describe('application', () => {
  it('submit-application opens the case', () => {
    const { type: _type, now: _now, ...data } = L.submit;
    const snapshot = given()
      .when(L.submit)
      .then({ type: 'ApplicationSubmitted', data: { ...data, at: noon('2022-09-01') } });
    expect(stateOf(snapshot)).toBe('application.submitted');
    expect(stateLabel(snapshot)).toEqual({ sv: 'Inkommen', en: 'Submitted' });
  });

  it('cannot be submitted twice', () => {
    given(...before('register'))
      .when(L.submit)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it.each<[string, Command]>([
    ['ORGANISATION_NUMBER_INVALID', { ...L.submit, organisation: { name: 'X', organisationNumber: '822004-0418' } }],
    ['ORGANISATION_NUMBER_INVALID', { ...L.submit, municipality: { name: 'X', organisationNumber: '212000-044' } }],
    ['AMOUNT_NEGATIVE', withTerms({ fundingLines: [fixed(ore(-1))] })],
    ['AMOUNT_NEGATIVE', withTerms({ fundingLines: [{ ...perInhabitant, inhabitants: { count: -6_784, asOf: '2017-11-01' } }] })],
    ['AMOUNT_NEGATIVE', withTerms({ fundingLines: [fixed(ore(0)), { ...ownContribution, hours: -1 }] })],
    ['FUNDING_LINES_MISSING', withTerms({ fundingLines: [] })],
    ['FUNDING_LINE_ID_REPEATED', withTerms({ fundingLines: [fixed(ore(1)), fixed(ore(2))] })],
    ['OWN_CONTRIBUTION_VALUE', withTerms({ fundingLines: [{ ...ownContribution, hourlyValue: ore(22_754) }] })],
    ['OWN_CONTRIBUTION_VALUE', withTerms({ fundingLines: [{ ...ownContribution, statedValue: null }] })],
    ['PERIOD_NOT_IN_ORDER', withTerms({ period: { start: '2025-12-31', end: '2025-12-31' } })],
    ['NOTICE_MONTHS_NEGATIVE', withTerms({ noticeMonths: -1 })],
    ['DATE_IN_FUTURE', { ...L.submit, receivedOn: '2022-09-02' }],
  ])('submit-application is refused: %s', (rule, cmd) => {
    given().when(cmd).thenFails('RULE_VIOLATED', rule);
  });

  it('accepts zero amounts and zero notice months (the rules say ≥ 0)', () => {
    const cmd = withTerms({ fundingLines: [fixed(ore(0))], noticeMonths: 0 });
    expect(decide(fold([]), cmd)).toHaveLength(1);
  });

  it('register gives the diarienummer', () => {
    const snapshot = given(...before('register'))
      .when(L.register)
      .then({ type: 'CaseRegistered', data: { diarienummer: 'SON 2019-536', registeredOn: '2022-09-02', at: noon('2022-09-02') } });
    expect(stateOf(snapshot)).toBe('application.registered');
    expect(snapshot.context.diarienummer).toBe('SON 2019-536');
  });

  it.each<[string, Command]>([
    ['DATE_BEFORE_RECEIVED', { ...L.register, registeredOn: '2022-08-31' }],
    ['DATE_IN_FUTURE', { ...L.register, registeredOn: '2022-09-03' }],
  ])('register is refused: %s', (rule, cmd) => {
    given(...before('register'))
      .when(cmd)
      .thenFails('RULE_VIOLATED', rule);
  });

  it('assign-officer moves the case into preparation', () => {
    const snapshot = given(...before('assignOfficer'))
      .when(L.assignOfficer)
      .then({
        type: 'OfficerAssigned',
        data: { officer: { id: 'john.fristedt', name: 'John Fristedt' }, assignedOn: '2022-09-05', at: noon('2022-09-05') },
      });
    expect(stateOf(snapshot)).toBe('preparation.awaitingProposal');
  });

  it('assign-officer is refused before registration, naming the state and what is allowed', () => {
    const error = given(...before('register'))
      .when(L.assignOfficer)
      .thenFails('TRANSITION_NOT_ALLOWED') as TransitionNotAllowed;
    expect(error.state).toEqual({ paths: ['application.submitted'], label: { sv: 'Inkommen', en: 'Submitted' } });
    expect(error.allowed).toEqual(['register', 'withdraw', 'close-ineligible']);
    expect(error.message).toContain("'assign-officer' is not allowed in state 'Submitted'");
  });

  it('assign-officer is refused before the registration date', () => {
    given(...before('assignOfficer'))
      .when({ ...L.assignOfficer, assignedOn: '2022-09-01' })
      .thenFails('RULE_VIOLATED', 'ASSIGNED_BEFORE_REGISTERED');
  });
});

describe('withdrawal and closing as not eligible', () => {
  const withdraw = command('withdraw', '2022-12-11', { withdrawnOn: '2022-12-11', reason: 'Föreningen avstår.' });
  const ineligible = command('close-ineligible', '2022-12-11', { closedOn: '2022-12-11', reason: 'Upphandling enligt LOU.' });

  it.each(['register', 'assignOfficer', 'schedule', 'justering', 'signMunicipality', 'signOrganisation'] as const)(
    'withdraw closes the case before %s',
    (step) => {
      const snapshot = given(...before(step))
        .when(withdraw)
        .then({ type: 'ApplicationWithdrawn', data: { withdrawnOn: '2022-12-11', reason: 'Föreningen avstår.', receipt: null, at: noon('2022-12-11') } });
      expect(stateOf(snapshot)).toBe('withdrawn');
      expect(snapshot.status).toBe('done');
      expect(snapshot.hasTag('closed')).toBe(true);
      expect(snapshot.context.closed).toEqual({ as: 'withdrawn', on: '2022-12-11' });
    },
  );

  it('withdraw is refused once the agreement is active', () => {
    given(...activeCase())
      .when(withdraw)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('withdraw is refused before the application was received', () => {
    given(...before('register'))
      .when({ ...withdraw, withdrawnOn: '2022-08-01' })
      .thenFails('RULE_VIOLATED', 'DATE_BEFORE_RECEIVED');
  });

  it.each(['register', 'assignOfficer', 'draft', 'schedule'] as const)('close-ineligible closes the case before %s', (step) => {
    const snapshot = given(...before(step))
      .when(ineligible)
      .then({ type: 'ClosedAsIneligible', data: { closedOn: '2022-12-11', reason: 'Upphandling enligt LOU.', at: noon('2022-12-11') } });
    expect(stateOf(snapshot)).toBe('ineligible');
  });

  it('close-ineligible is refused once a meeting is scheduled, and before the application date', () => {
    given(...before('approve'))
      .when(ineligible)
      .thenFails('TRANSITION_NOT_ALLOWED');
    given(...before('register'))
      .when({ ...ineligible, closedOn: '2022-08-31' })
      .thenFails('RULE_VIOLATED', 'DATE_BEFORE_RECEIVED');
    given(...before('register'))
      .when({ ...ineligible, closedOn: '2022-12-12' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });
});

describe('preparation', () => {
  const revise = { ...L.draft, now: noon('2022-10-24'), draftedOn: '2022-10-24', summary: 'Reviderat efter dialog.' };
  const { type: _type, now: _now, ...draftData } = L.draft;

  it('draft-proposal records the proposal and its terms', () => {
    const snapshot = given(...before('draft'))
      .when(L.draft)
      .then({ type: 'ProposalDrafted', data: { ...draftData, at: noon('2022-10-20') } });
    expect(stateOf(snapshot)).toBe('preparation.proposalDrafted');
    expect(snapshot.context.proposal).toMatchObject({ revision: 1, signedBy: null, draftedOn: '2022-10-20' });
    expect(snapshot.context.terms).toEqual(L.draft.terms);
  });

  it('a drafted proposal can be revised, and a signed one too (which unsigns it)', () => {
    const revised = given(...before('signProposal'))
      .when(revise)
      .then({ type: 'ProposalDrafted', data: { ...draftData, draftedOn: '2022-10-24', summary: 'Reviderat efter dialog.', at: noon('2022-10-24') } });
    expect(stateOf(revised)).toBe('preparation.proposalDrafted');
    expect(revised.context.proposal?.revision).toBe(2);

    const history = before('schedule');
    const reopened = given(...history).when({ ...revise, now: noon('2022-10-26'), draftedOn: '2022-10-26' });
    const snapshot = reopened.then({
      type: 'ProposalDrafted',
      data: { ...draftData, draftedOn: '2022-10-26', summary: 'Reviderat efter dialog.', at: noon('2022-10-26') },
    });
    expect(stateOf(snapshot)).toBe('preparation.proposalDrafted');
    expect(snapshot.context.proposal).toMatchObject({ revision: 2, signedBy: null, signedOn: null });
  });

  it('sign-proposal records the director', () => {
    const snapshot = given(...before('signProposal'))
      .when(L.signProposal)
      .then({
        type: 'ProposalSigned',
        data: { signedBy: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' }, signedOn: '2022-10-25', at: noon('2022-10-25') },
      });
    expect(stateOf(snapshot)).toBe('preparation.proposalSigned');
  });

  it('sign-proposal is refused without a draft, and before the draft date', () => {
    given(...before('draft'))
      .when(L.signProposal)
      .thenFails('TRANSITION_NOT_ALLOWED');
    given(...before('signProposal'))
      .when({ ...L.signProposal, signedOn: '2022-10-19' })
      .thenFails('RULE_VIOLATED', 'SIGNED_BEFORE_DRAFTED');
    given(...before('signProposal'))
      .when({ ...L.signProposal, signedOn: '2022-10-26' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });

  it.each<[string, Command]>([
    ['DRAFTED_BEFORE_REGISTERED', { ...L.draft, draftedOn: '2022-09-01' }],
    ['PERIOD_NOT_IN_ORDER', { ...L.draft, terms: { ...L.draft.terms, period: { start: '2025-12-31', end: '2023-01-01' } } }],
    ['DATE_IN_FUTURE', { ...L.draft, draftedOn: '2022-10-21' }],
  ])('draft-proposal is refused: %s', (rule, cmd) => {
    given(...before('draft'))
      .when(cmd)
      .thenFails('RULE_VIOLATED', rule);
  });

  it('the officer can be reassigned during preparation without changing the state', () => {
    const reassign = command('assign-officer', '2022-10-21', { officer: { id: 'a.b', name: 'Anna Berg' }, assignedOn: '2022-10-21' });
    const snapshot = given(...before('signProposal'))
      .when(reassign)
      .then({ type: 'OfficerAssigned', data: { officer: { id: 'a.b', name: 'Anna Berg' }, assignedOn: '2022-10-21', at: noon('2022-10-21') } });
    expect(stateOf(snapshot)).toBe('preparation.proposalDrafted');
    expect(snapshot.context.officer?.name).toBe('Anna Berg');
  });

  it('schedule-meeting puts the signed proposal on the agenda of a body', () => {
    const snapshot = given(...before('schedule'))
      .when(L.schedule)
      .then({ type: 'MeetingScheduled', data: { body: bodies.SON, meetingDate: '2022-11-09', at: noon('2022-10-26') } });
    expect(stateOf(snapshot)).toBe('decision.pending.scheduled');
    expect(stateLabel(snapshot).sv).toBe('På dagordningen');
  });

  it('schedule-meeting is refused for an unsigned proposal, and for a meeting before the signature', () => {
    given(...before('signProposal'))
      .when(L.schedule)
      .thenFails('TRANSITION_NOT_ALLOWED');
    given(...before('schedule'))
      .when({ ...L.schedule, meetingDate: '2022-10-24' })
      .thenFails('RULE_VIOLATED', 'MEETING_BEFORE_PROPOSAL_SIGNED');
  });
});

describe('decision', () => {
  const decision = (outcome: 'approved' | 'rejected' | 'returned' | 'deferred', date = '2022-11-09') =>
    command('record-decision', date, { outcome, paragraph: '§ 187', recommendedTo: null, motivation: null });
  const decided = (outcome: string, at = noon('2022-11-09')) => ({
    type: 'DecisionRecorded' as const,
    data: { outcome, paragraph: '§ 187', recommendedTo: null, motivation: null, at } as never,
  });

  it('approved: awaits justering', () => {
    const snapshot = given(...before('approve'))
      .when(L.approve)
      .then(decided('approved'));
    expect(stateOf(snapshot)).toBe('decision.approved.awaitingJustering');
    expect(stateLabel(snapshot).sv).toBe('Beslutad – väntar på justering');
    expect(snapshot.context.decisions).toEqual([
      { outcome: 'approved', paragraph: '§ 187', recommendedTo: null, motivation: null, body: bodies.SON, meetingDate: '2022-11-09' },
    ]);
  });

  it('rejected: the case closes', () => {
    const snapshot = given(...before('approve'))
      .when(decision('rejected'))
      .then(decided('rejected'));
    expect(stateOf(snapshot)).toBe('rejected');
    expect(snapshot.context.closed).toEqual({ as: 'rejected', on: '2022-11-09' });
  });

  it('returned (återremiss): back to preparation, then a revised proposal goes to a new meeting', () => {
    const returned = [...before('approve'), decided('returned')];
    expect(stateOf(fold(returned))).toBe('preparation.awaitingProposal');
    const redraft = { ...L.draft, now: noon('2022-11-15'), draftedOn: '2022-11-15' };
    const resign = { ...L.signProposal, now: noon('2022-11-16'), signedOn: '2022-11-16' };
    const reschedule = { ...L.schedule, now: noon('2022-11-16'), meetingDate: '2022-12-07' };
    const history = [...returned, ...record([redraft, resign], fold(returned))];
    const snapshot = given(...history)
      .when(reschedule)
      .then({ type: 'MeetingScheduled', data: { body: bodies.SON, meetingDate: '2022-12-07', at: noon('2022-11-16') } });
    expect(stateOf(snapshot)).toBe('decision.pending.scheduled');
    expect(snapshot.context.proposal?.revision).toBe(2);
    given(...returned)
      .when(reschedule)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('deferred: the same body takes it up at a later meeting', () => {
    const deferred = [...before('approve'), decided('deferred')];
    expect(stateOf(fold(deferred))).toBe('decision.pending.deferred');
    const later = command('schedule-meeting', '2022-11-10', { body: bodies.SON, meetingDate: '2022-12-07' });
    const snapshot = given(...deferred)
      .when(later)
      .then({ type: 'MeetingScheduled', data: { body: bodies.SON, meetingDate: '2022-12-07', at: noon('2022-11-10') } });
    expect(stateOf(snapshot)).toBe('decision.pending.scheduled');
    expect(snapshot.context.nextMeeting).toBeNull();
    given(...deferred)
      .when({ ...later, meetingDate: '2022-11-09' })
      .thenFails('RULE_VIOLATED', 'MEETING_NOT_AFTER_PREVIOUS');
    given(...deferred)
      .when({ ...later, body: bodies.KS })
      .thenFails('RULE_VIOLATED', 'MEETING_BODY_MISMATCH');
  });

  it('is refused before the meeting day', () => {
    given(...before('approve'))
      .when({ ...L.approve, now: '2022-11-08T22:59:59Z' })
      .thenFails('RULE_VIOLATED', 'DECISION_BEFORE_MEETING');
    // 23:00 UTC on the 8th is already the 9th in Stockholm.
    expect(decide(fold(before('approve')), { ...L.approve, now: '2022-11-08T23:00:00Z' })).toHaveLength(1);
  });

  it('record-decision is refused when no meeting is scheduled', () => {
    given(...before('schedule'))
      .when(L.approve)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });
});

describe('recommendation by an utskott to a higher body (Robertsfors)', () => {
  const atCommittee = seedEvents(R, 'recommend');
  const recommend = (to: (typeof bodies)[keyof typeof bodies] | null, outcome: 'recommended' | 'approved' = 'recommended') => ({
    ...R.recommend,
    outcome,
    recommendedTo: to,
  });

  it('a committee cannot approve or reject', () => {
    given(...atCommittee)
      .when(recommend(null, 'approved'))
      .thenFails('RULE_VIOLATED', 'COMMITTEE_CANNOT_DECIDE');
    given(...atCommittee)
      .when({ ...recommend(null), outcome: 'rejected' })
      .thenFails('RULE_VIOLATED', 'COMMITTEE_CANNOT_DECIDE');
  });

  it('a committee can still defer or return', () => {
    expect(decide(fold(atCommittee), { ...recommend(null), outcome: 'deferred' })).toHaveLength(1);
  });

  it('recommends only to a higher body, which is named', () => {
    given(...atCommittee)
      .when(recommend(bodies.SU))
      .thenFails('RULE_VIOLATED', 'RECOMMENDATION_NOT_TO_HIGHER_BODY');
    given(...atCommittee)
      .when(recommend(null))
      .thenFails('RULE_VIOLATED', 'RECOMMENDATION_NOT_TO_HIGHER_BODY');
    expect(decide(fold(atCommittee), recommend(bodies.KF))).toHaveLength(1);
  });

  it('a board may recommend to the council, not to a committee', () => {
    const atBoard = seedEvents(R, 'approve');
    given(...atBoard)
      .when({ ...R.approve, outcome: 'recommended', recommendedTo: bodies.KF })
      .then({
        type: 'DecisionRecorded',
        data: { outcome: 'recommended', paragraph: '§ 203', recommendedTo: bodies.KF, motivation: null, at: noon('2017-12-12') },
      });
    given(...atBoard)
      .when({ ...R.approve, outcome: 'recommended', recommendedTo: bodies.SU })
      .thenFails('RULE_VIOLATED', 'RECOMMENDATION_NOT_TO_HIGHER_BODY');
  });

  it('names a recipient only with a recommendation', () => {
    given(...seedEvents(R, 'approve'))
      .when({ ...R.approve, recommendedTo: bodies.KF })
      .thenFails('RULE_VIOLATED', 'RECOMMENDATION_UNEXPECTED');
  });

  it('the recommended body, and only it, takes the case up', () => {
    const recommended = seedEvents(R, 'scheduleBoard');
    given(...recommended)
      .when({ ...R.scheduleBoard, body: bodies.SN })
      .thenFails('RULE_VIOLATED', 'MEETING_BODY_MISMATCH');
    given(...recommended)
      .when({ ...R.scheduleBoard, meetingDate: '2017-11-28' })
      .thenFails('RULE_VIOLATED', 'MEETING_NOT_AFTER_PREVIOUS');
    const snapshot = given(...recommended)
      .when(R.scheduleBoard)
      .then({ type: 'MeetingScheduled', data: { body: bodies.KS, meetingDate: '2017-12-12', at: noon('2017-11-29') } });
    expect(stateOf(snapshot)).toBe('decision.pending.scheduled');
  });
});

describe('protocol, posting and legal force', () => {
  it('record-justering: not before the meeting, not in the future', () => {
    const snapshot = given(...before('justering'))
      .when(L.justering)
      .then({ type: 'JusteringRecorded', data: { justeradOn: '2022-11-14', at: noon('2022-11-14') } });
    expect(stateOf(snapshot)).toBe('decision.approved.awaitingPosting');
    given(...before('justering'))
      .when({ ...L.justering, justeradOn: '2022-11-08' })
      .thenFails('RULE_VIOLATED', 'JUSTERING_BEFORE_MEETING');
    given(...before('justering'))
      .when({ ...L.justering, justeradOn: '2022-11-15' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });

  it('record-posting computes the end of the appeal window (posting + 3 weeks)', () => {
    const snapshot = given(...before('posting'))
      .when(L.posting)
      .then({ type: 'PostingRecorded', data: { postedOn: '2022-11-15', appealWindowEndsOn: '2022-12-06', at: noon('2022-11-15') } });
    expect(stateOf(snapshot)).toBe('decision.approved.appealWindow');
    given(...before('posting'))
      .when({ ...L.posting, postedOn: '2022-11-13' })
      .thenFails('RULE_VIOLATED', 'POSTING_BEFORE_JUSTERING');
  });

  it('record-posting is refused before justering', () => {
    given(...before('justering'))
      .when(L.posting)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('record-final: refused until the day after the window closes', () => {
    given(...before('final'))
      .when({ ...L.final, now: noon('2022-12-06') })
      .thenFails('RULE_VIOLATED', 'NOT_YET_FINAL');
    const snapshot = given(...before('final'))
      .when(L.final)
      .then({ type: 'DecisionBecameFinal', data: { finalOn: '2022-12-07', at: noon('2022-12-07') } });
    expect(stateOf(snapshot)).toBe('signing.municipality.unsigned + signing.organisation.unsigned');
  });

  it('record-final is refused before posting', () => {
    given(...before('posting'))
      .when({ ...L.final, now: noon('2030-01-01') })
      .thenFails('TRANSITION_NOT_ALLOWED');
  });
});

describe('appeal (laglighetsprövning)', () => {
  const lodge = command('lodge-appeal', '2022-12-01', { lodgedOn: '2022-12-01', court: 'Förvaltningsrätten i Linköping', caseReference: '1234-22' });
  const appealed = () => [...before('final'), ...record([lodge], fold(before('final')))];
  const outcome = (o: 'upheld' | 'quashed') => command('record-appeal-outcome', '2023-03-01', { outcome: o, decidedOn: '2023-03-01' });

  it('lodge-appeal within the window stops the decision from becoming final', () => {
    const snapshot = given(...before('final'))
      .when(lodge)
      .then({
        type: 'AppealLodged',
        data: { lodgedOn: '2022-12-01', court: 'Förvaltningsrätten i Linköping', caseReference: '1234-22', finalityWithdrawn: null, at: noon('2022-12-01') },
      });
    expect(stateOf(snapshot)).toBe('decision.approved.appealed');
    given(...appealed())
      .when({ ...L.final, now: noon('2023-01-01') })
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('lodge-appeal outside the window is refused', () => {
    given(...before('final'))
      .when({ ...lodge, now: noon('2022-12-08'), lodgedOn: '2022-12-07' })
      .thenFails('RULE_VIOLATED', 'APPEAL_OUTSIDE_WINDOW');
    given(...before('final'))
      .when({ ...lodge, lodgedOn: '2022-11-14' })
      .thenFails('RULE_VIOLATED', 'APPEAL_OUTSIDE_WINDOW');
    expect(decide(fold(before('final')), { ...lodge, now: noon('2022-12-06'), lodgedOn: '2022-12-06' })).toHaveLength(1);
  });

  it('upheld: the decision stands, is final on the judgment day, and goes to signing', () => {
    const snapshot = given(...appealed())
      .when(outcome('upheld'))
      .then({ type: 'AppealOutcomeRecorded', data: { outcome: 'upheld', decidedOn: '2023-03-01', at: noon('2023-03-01') } });
    expect(stateOf(snapshot)).toBe('signing.municipality.unsigned + signing.organisation.unsigned');
    expect(snapshot.context.finalOn).toBe('2023-03-01');
    expect(snapshot.context.appeal?.outcome).toBe('upheld');
  });

  it('quashed: the case closes', () => {
    const snapshot = given(...appealed())
      .when(outcome('quashed'))
      .then({ type: 'AppealOutcomeRecorded', data: { outcome: 'quashed', decidedOn: '2023-03-01', at: noon('2023-03-01') } });
    expect(stateOf(snapshot)).toBe('quashed');
    expect(snapshot.context.closed).toEqual({ as: 'quashed', on: '2023-03-01' });
  });

  it('the judgment cannot predate the appeal', () => {
    given(...appealed())
      .when({ ...outcome('upheld'), decidedOn: '2022-11-30' })
      .thenFails('RULE_VIOLATED', 'APPEAL_DECIDED_BEFORE_LODGED');
  });
});

describe('a late appeal: lodged within the window, learnt of after finality was recorded (machine v2)', () => {
  /** Lodged on the window's last day; the court tells the municipality in January. */
  const late = command('lodge-appeal', '2023-01-16', { lodgedOn: '2022-12-06', court: 'Förvaltningsrätten i Linköping', caseReference: '99-23' });
  const judgment = (outcome: 'upheld' | 'quashed') => command('record-appeal-outcome', '2023-03-01', { outcome, decidedOn: '2023-03-01' });
  const lateAppeal = (signedBy: PartyRole[]) => ({
    lodgedOn: '2022-12-06',
    court: 'Förvaltningsrätten i Linköping',
    caseReference: '99-23',
    finalityWithdrawn: { finalOn: '2022-12-07', signedBy },
    at: noon('2023-01-16'),
  });
  const after = (step: keyof typeof L) => [...before(step), ...record([late], fold(before(step)))];

  it('before any signature: accepted, the decision was not final after all, and the case waits for the court', () => {
    const snapshot = given(...before('signMunicipality'))
      .when(late)
      .then({ type: 'AppealLodged', data: lateAppeal([]) });
    expect(stateOf(snapshot)).toBe('decision.approved.appealed');
    expect(snapshot.context.finalOn).toBeNull();
    expect(snapshot.context.appeal).toMatchObject({ outcome: null, finalityWithdrawn: { finalOn: '2022-12-07', signedBy: [] } });
    expect(allowedCommands(snapshot)).not.toContain('sign');
  });

  it('after one signature: the case shows that a person must resolve what was signed; upheld, the signature stands', () => {
    const appealed = given(...before('signOrganisation'))
      .when(late)
      .then({ type: 'AppealLodged', data: lateAppeal(['municipality']) });
    expect(stateOf(appealed)).toBe('decision.approved.appealedAfterSigning');
    expect(stateLabel(appealed)).toEqual({
      sv: 'Överklagad efter undertecknande – en handläggare måste ta ställning till det undertecknade',
      en: 'Appealed after signing – a person must resolve what was signed',
    });
    const judged = [...after('signOrganisation'), ...record([judgment('upheld')], appealed)];
    const upheld = fold(judged);
    expect(stateOf(upheld)).toBe('signing.municipality.signed + signing.organisation.unsigned');
    expect(upheld.context.finalOn).toBe('2023-03-01');
    // The organisation signs after the judgment, which made the decision final.
    given(...judged)
      .when({ ...L.signOrganisation, now: noon('2023-02-28'), signedOn: '2023-02-28' })
      .thenFails('RULE_VIOLATED', 'SIGNED_BEFORE_FINAL');
    const signed = { ...L.signOrganisation, now: noon('2023-03-02'), signedOn: '2023-03-02' };
    expect(stateOf(fold([...judged, ...decide(upheld, signed)]))).toBe('active.running');
  });

  it('after both signatures (active): the case waits for the court; upheld, it is active again; quashed, it closes', () => {
    const appealed = given(...before('payment2023'))
      .when(late)
      .then({ type: 'AppealLodged', data: lateAppeal(['municipality', 'organisation']) });
    expect(stateOf(appealed)).toBe('decision.approved.appealedAfterSigning');
    expect(allowedCommands(appealed)).not.toContain('record-payment');
    const upheld = given(...after('payment2023'))
      .when(judgment('upheld'))
      .then({
        type: 'AppealOutcomeRecorded',
        data: { outcome: 'upheld', decidedOn: '2023-03-01', at: noon('2023-03-01') },
      });
    expect(stateOf(upheld)).toBe('active.running');
    const quashed = given(...after('payment2023'))
      .when(judgment('quashed'))
      .then({
        type: 'AppealOutcomeRecorded',
        data: { outcome: 'quashed', decidedOn: '2023-03-01', at: noon('2023-03-01') },
      });
    expect(stateOf(quashed)).toBe('quashed');
  });

  it('is refused outside the window, after the court has tried an appeal, under notice, and for a v1 case', () => {
    given(...before('signMunicipality'))
      .when({ ...late, lodgedOn: '2022-12-07' })
      .thenFails('RULE_VIOLATED', 'APPEAL_OUTSIDE_WINDOW');
    const tried = [...after('signMunicipality'), ...record([judgment('upheld')], fold(after('signMunicipality')))];
    given(...tried)
      .when({ ...late, now: noon('2023-03-02') })
      .thenFails('RULE_VIOLATED', 'APPEAL_ALREADY_DECIDED');
    given(...before('terminate'))
      .when({ ...late, now: noon('2025-04-01') })
      .thenFails('TRANSITION_NOT_ALLOWED');
    expect(() => decide(fold(before('signMunicipality'), machineFor('iopCase', 1)), late)).toThrow(TransitionNotAllowed);
  });
});

describe('what the organisation sends on paper or by e-mail, recorded by an official', () => {
  const paper = { channel: 'paper' as const, receivedOn: '2022-12-14' };
  const signOnPaper = { ...L.signOrganisation, now: noon('2022-12-14'), receipt: paper };

  it('sign: the event records the receipt, for the organisation', () => {
    const snapshot = given(...before('signOrganisation'))
      .when(signOnPaper)
      .then({
        type: 'AgreementSigned',
        data: {
          party: 'organisation',
          signatory: { name: 'Firmatecknare för Brottsofferjouren i Linköping', title: 'Firmatecknare' },
          organisationNumber: '8220040417',
          signedOn: '2022-12-12',
          receipt: { channel: 'paper', receivedOn: '2022-12-14', onBehalfOf: 'organisation' },
          at: noon('2022-12-14'),
        },
      });
    expect(stateOf(snapshot)).toBe('active.running');
  });

  it.each<[string, Command]>([
    ['RECEIVED_BEFORE_WRITTEN', { ...signOnPaper, receipt: { ...paper, receivedOn: '2022-12-11' } }],
    ['DATE_IN_FUTURE', { ...signOnPaper, receipt: { ...paper, receivedOn: '2022-12-15' } }],
  ])('sign with a receipt is refused: %s', (rule, cmd) => {
    given(...before('signOrganisation'))
      .when(cmd)
      .thenFails('RULE_VIOLATED', rule);
  });

  it('withdraw and give-notice record the receipt too; a notice runs from the day it came in', () => {
    const withdrawal = command('withdraw', '2022-12-11', {
      withdrawnOn: '2022-12-09',
      reason: 'Styrelsen avstår.',
      receipt: { channel: 'email', receivedOn: '2022-12-11' },
    });
    expect(decide(fold(before('justering')), withdrawal)[0].data).toMatchObject({
      receipt: { channel: 'email', receivedOn: '2022-12-11', onBehalfOf: 'organisation' },
    });
    const notice = { ...L.notice, receipt: { channel: 'paper' as const, receivedOn: '2025-03-31' } };
    expect(decide(fold(before('notice')), notice)[0].data).toMatchObject({
      effectiveOn: '2025-09-30',
      receipt: { channel: 'paper', onBehalfOf: 'organisation' },
    });
    given(...before('notice'))
      .when({ ...notice, receipt: { channel: 'paper', receivedOn: '2025-03-30' } })
      .thenFails('RULE_VIOLATED', 'RECEIPT_DATE_MISMATCH');
  });

  it('only a registrator or handläggare records a receipt, only for the organisation, and then must give one', () => {
    const registrator = { roles: ['registrator' as const] };
    const sign = (payload: Partial<SignPayload>) => ({ ...payloadOf(L.signOrganisation), ...payload });
    expect(refusalOf('sign', registrator, sign({ receipt: paper }))).toBeUndefined();
    expect(refusalOf('sign', registrator, sign({}))).toMatchObject({ code: 'FORBIDDEN_ROLE', required: ['organisation'] });
    expect(refusalOf('sign', { roles: ['organisation'], organisationNumber: '822004-0417' }, sign({ receipt: paper }))).toMatchObject({
      code: 'FORBIDDEN_ROLE',
      required: ['registrator', 'handlaggare'],
    });
    expect(refusalOf('sign', registrator, sign({ party: 'municipality', receipt: paper }))).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(refusalOf('withdraw', { roles: ['handlaggare'] }, { withdrawnOn: '2022-12-09', reason: 'x' })).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(refusalOf('give-notice', { roles: ['handlaggare'] }, { ...payloadOf(L.notice), receipt: paper })).toBeUndefined();
  });

  it('the role recorded is the one acted in: a handläggare who is also a signatory records the paper signature as handläggare', () => {
    const issuer = { roles: ['signatory' as const, 'handlaggare' as const] };
    expect(actingRole('sign', issuer, { ...payloadOf(L.signOrganisation), receipt: paper })).toBe('handlaggare');
    expect(actingRole('sign', issuer, payloadOf(L.signMunicipality))).toBe('signatory');
  });
});

describe('signing (parallel: either party first)', () => {
  it('municipality first, then the organisation: active', () => {
    const half = given(...before('signMunicipality'))
      .when(L.signMunicipality)
      .then({
        type: 'AgreementSigned',
        data: {
          party: 'municipality',
          signatory: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' },
          organisationNumber: '212000-0449',
          signedOn: '2022-12-10',
          receipt: null,
          at: noon('2022-12-10'),
        },
      });
    expect(stateOf(half)).toBe('signing.municipality.signed + signing.organisation.unsigned');
    expect(stateLabel(half).sv).toBe('Undertecknande: undertecknad av kommunen, väntar på organisationens underskrift');
    // A late appeal may still come in while signing (machine v2).
    expect(allowedCommands(half)).toEqual(['assign-officer', 'withdraw', 'lodge-appeal', 'sign']);
    const done = given(...before('signOrganisation'))
      .when(L.signOrganisation)
      .then({
        type: 'AgreementSigned',
        data: {
          party: 'organisation',
          signatory: { name: 'Firmatecknare för Brottsofferjouren i Linköping', title: 'Firmatecknare' },
          organisationNumber: '8220040417',
          signedOn: '2022-12-12',
          receipt: null,
          at: noon('2022-12-12'),
        },
      });
    expect(stateOf(done)).toBe('active.running');
    expect(stateLabel(done).sv).toBe('Aktiv');
  });

  it('organisation first, then the municipality: active (Robertsfors)', () => {
    const half = fold(seedEvents(R, 'signMunicipality'));
    expect(stateOf(half)).toBe('signing.municipality.unsigned + signing.organisation.signed');
    expect(stateOf(fold(seedEvents(R, 'payment2018')))).toBe('active.running');
  });

  it.each<[string, Command]>([
    ['PARTY_ALREADY_SIGNED', { ...L.signMunicipality, now: noon('2022-12-12'), signedOn: '2022-12-12' }],
    ['ORGANISATION_NUMBER_MISMATCH', { ...L.signMunicipality, party: 'organisation', organisationNumber: '212000-0449' }],
    ['ORGANISATION_NUMBER_INVALID', { ...L.signOrganisation, organisationNumber: '822004-0416' }],
    ['SIGNED_BEFORE_FINAL', { ...L.signOrganisation, signedOn: '2022-12-06' }],
    ['DATE_IN_FUTURE', { ...L.signOrganisation, signedOn: '2022-12-13' }],
  ])('sign is refused: %s', (rule, cmd) => {
    given(...before('signOrganisation'))
      .when(cmd)
      .thenFails('RULE_VIOLATED', rule);
  });

  it('sign is refused before the decision is final', () => {
    given(...before('final'))
      .when({ ...L.signMunicipality, now: noon('2022-12-10') })
      .thenFails('TRANSITION_NOT_ALLOWED');
  });
});

describe('follow-up while active', () => {
  const pay = L.payment2023;

  it('record-payment', () => {
    const snapshot = given(...activeCase())
      .when(pay)
      .then({
        type: 'PaymentRecorded',
        data: { amount: kronor(472_200), paidOn: '2023-01-20', covers: { start: '2023-01-01', end: '2023-12-31' }, reference: null, at: noon('2023-01-20') },
      });
    expect(stateOf(snapshot)).toBe('active.running');
    expect(snapshot.context.payments).toHaveLength(1);
  });

  it.each<[string, Command]>([
    ['AMOUNT_NEGATIVE', { ...pay, amount: ore(-1) }],
    ['PERIOD_NOT_IN_ORDER', { ...pay, covers: { start: '2023-12-31', end: '2023-01-01' } }],
    ['PAYMENT_OUTSIDE_PERIOD', { ...pay, covers: { start: '2022-01-01', end: '2022-12-31' } }],
    ['DATE_IN_FUTURE', { ...pay, paidOn: '2023-01-21' }],
  ])('record-payment is refused: %s', (rule, cmd) => {
    given(...activeCase())
      .when(cmd)
      .thenFails('RULE_VIOLATED', rule);
  });

  it('record-payment is refused before the agreement is active', () => {
    given(...before('signOrganisation'))
      .when(pay)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('record-meeting', () => {
    const m = L.operationalMeeting;
    given(...activeCase())
      .when(m)
      .then({
        type: 'FollowUpMeetingRecorded',
        data: {
          forum: 'operational',
          heldOn: '2023-04-12',
          convener: 'Leanlink/Stödcentrum',
          minutesRef: 'Minnesanteckningar 2023-04-12',
          at: noon('2023-04-12'),
        },
      });
    given(...activeCase())
      .when({ ...m, heldOn: '2023-04-13' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });

  it('submit-annual-report', () => {
    const r = L.annualReport2023;
    given(...activeCase())
      .when(r)
      .then({
        type: 'AnnualReportSubmitted',
        data: { year: 2023, volunteerHours: 1_512, fundsUsed: kronor(472_200), submittedOn: '2024-02-15', at: noon('2024-02-15') },
      });
    given(...activeCase())
      .when({ ...r, year: 2026 })
      .thenFails('RULE_VIOLATED', 'YEAR_OUTSIDE_PERIOD');
    given(...activeCase())
      .when({ ...r, fundsUsed: ore(-5) })
      .thenFails('RULE_VIOLATED', 'AMOUNT_NEGATIVE');
    given(...activeCase())
      .when({ ...r, volunteerHours: -5 })
      .thenFails('RULE_VIOLATED', 'AMOUNT_NEGATIVE');
  });

  it('record-evaluation', () => {
    const e = L.evaluation2023;
    given(...activeCase())
      .when(e)
      .then({
        type: 'EvaluationRecorded',
        data: { year: 2023, evaluatedOn: '2024-03-01', fundsUsedAsIntended: true, summary: 'Verksamheten motsvarar överenskommelsen.', at: noon('2024-03-01') },
      });
    given(...activeCase())
      .when({ ...e, year: 2022 })
      .thenFails('RULE_VIOLATED', 'YEAR_OUTSIDE_PERIOD');
    given(...activeCase())
      .when({ ...e, evaluatedOn: '2024-03-02' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });

  describe('claim-repayment (only after an evaluation found misuse, up to what was paid)', () => {
    const misuse = { ...L.evaluation2023, fundsUsedAsIntended: false, summary: 'Medel har inte använts för avsett ändamål.' };
    const claim = command('claim-repayment', '2024-04-01', { amount: kronor(100_000), claimedOn: '2024-04-01', reason: 'Utvärderingen 2023' });
    const paidAndEvaluated = (evaluation: Command) => [...activeCase(), ...record([pay, evaluation], fold(activeCase()))];

    it('is recorded after a misuse finding', () => {
      given(...paidAndEvaluated(misuse))
        .when(claim)
        .then({ type: 'RepaymentClaimed', data: { amount: kronor(100_000), claimedOn: '2024-04-01', reason: 'Utvärderingen 2023', at: noon('2024-04-01') } });
    });

    it('is refused without a finding, beyond what was paid, or negative', () => {
      given(...paidAndEvaluated(L.evaluation2023))
        .when(claim)
        .thenFails('RULE_VIOLATED', 'REPAYMENT_WITHOUT_FINDING');
      given(...paidAndEvaluated(misuse))
        .when({ ...claim, amount: ore(47_220_001) })
        .thenFails('RULE_VIOLATED', 'REPAYMENT_EXCEEDS_PAID');
      const history = paidAndEvaluated(misuse);
      const afterOne = [...history, ...record([{ ...claim, amount: kronor(400_000) }], fold(history))];
      given(...afterOne)
        .when(claim)
        .thenFails('RULE_VIOLATED', 'REPAYMENT_EXCEEDS_PAID');
      given(...history)
        .when({ ...claim, amount: ore(-1) })
        .thenFails('RULE_VIOLATED', 'AMOUNT_NEGATIVE');
    });
  });

  it('submit-report-back: in the final year only', () => {
    given(...activeCase())
      .when(L.reportBack)
      .then({
        type: 'ReportBackSubmitted',
        data: { submittedOn: '2025-03-20', summary: L.reportBack.summary, at: noon('2025-03-20') },
      });
    given(...activeCase())
      .when({ ...L.reportBack, submittedOn: '2024-12-31' })
      .thenFails('RULE_VIOLATED', 'REPORT_BACK_BEFORE_FINAL_YEAR');
  });

  describe('amend-terms', () => {
    const amend = command('amend-terms', '2024-06-01', {
      terms: { ...L.submit.terms, exclusions: ['Vittnesstöd'] },
      reason: 'Väsentligt förändrade förutsättningar',
      agreedOn: '2024-06-01',
      effectiveFrom: '2024-07-01',
    });

    it('replaces the terms and keeps the amendment', () => {
      const snapshot = given(...activeCase())
        .when(amend)
        .then({
          type: 'TermsAmended',
          data: {
            terms: amend.terms,
            reason: 'Väsentligt förändrade förutsättningar',
            agreedOn: '2024-06-01',
            effectiveFrom: '2024-07-01',
            at: noon('2024-06-01'),
          },
        });
      expect(snapshot.context.terms?.exclusions).toEqual(['Vittnesstöd']);
      expect(snapshot.context.amendments).toHaveLength(1);
    });

    it('cannot change the period (that is a renewal) nor break the terms rules', () => {
      const longer = { ...amend.terms, period: { start: '2023-01-01', end: '2026-12-31' } };
      given(...activeCase())
        .when({ ...amend, terms: longer })
        .thenFails('RULE_VIOLATED', 'PERIOD_CHANGE_NEEDS_RENEWAL');
      given(...activeCase())
        .when({ ...amend, terms: { ...amend.terms, noticeMonths: -3 } })
        .thenFails('RULE_VIOLATED', 'NOTICE_MONTHS_NEGATIVE');
      given(...activeCase())
        .when({ ...amend, effectiveFrom: '2026-01-01' })
        .thenFails('RULE_VIOLATED', 'EFFECTIVE_OUTSIDE_PERIOD');
    });
  });

  it('the officer can be reassigned', () => {
    const reassign = command('assign-officer', '2024-01-02', { officer: { id: 'a.b', name: 'Anna Berg' }, assignedOn: '2024-01-02' });
    const snapshot = given(...activeCase())
      .when(reassign)
      .then({ type: 'OfficerAssigned', data: { officer: { id: 'a.b', name: 'Anna Berg' }, assignedOn: '2024-01-02', at: noon('2024-01-02') } });
    expect(stateOf(snapshot)).toBe('active.running');
  });
});

describe('renewal', () => {
  const start = command('start-renewal', '2025-04-01', { newCaseId: 'case-2026', startedOn: '2025-04-01' });
  const complete = command('complete-renewal', '2025-12-15', { newCaseId: 'case-2026', completedOn: '2025-12-15' });
  const renewing = () => [...activeCase(), ...record([start], fold(activeCase()))];

  it('start-renewal links the new case', () => {
    const snapshot = given(...activeCase())
      .when(start)
      .then({ type: 'RenewalStarted', data: { newCaseId: 'case-2026', startedOn: '2025-04-01', at: noon('2025-04-01') } });
    expect(stateOf(snapshot)).toBe('active.renewing');
    given(...renewing())
      .when(start)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('complete-renewal ends this case as renewed when the linked case is signed', () => {
    const snapshot = given(...renewing())
      .when(complete)
      .then({ type: 'RenewalCompleted', data: { newCaseId: 'case-2026', completedOn: '2025-12-15', at: noon('2025-12-15') } });
    expect(stateOf(snapshot)).toBe('renewed');
    expect(snapshot.context.renewal).toEqual({ newCaseId: 'case-2026', startedOn: '2025-04-01', completedOn: '2025-12-15' });
  });

  it('complete-renewal is refused for another case, or without a renewal', () => {
    given(...renewing())
      .when({ ...complete, newCaseId: 'other' })
      .thenFails('RULE_VIOLATED', 'RENEWAL_CASE_MISMATCH');
    given(...activeCase())
      .when(complete)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('a case being renewed can still expire, or be given notice', () => {
    const expire = command('record-expiry', '2026-01-01', {});
    const expired = given(...renewing())
      .when(expire)
      .then({ type: 'AgreementExpired', data: { expiredOn: '2025-12-31', at: noon('2026-01-01') } });
    expect(stateOf(expired)).toBe('expired');
    expect(decide(fold(renewing()), { ...L.notice, now: noon('2025-04-02'), receivedOn: '2025-04-02' })).toHaveLength(1);
  });
});

describe('notice and termination', () => {
  const underNotice = () => before('terminate');

  it.each(['organisation', 'municipality'] as const)('give-notice in writing by the %s; effective after the notice months', (party) => {
    const snapshot = given(...before('notice'))
      .when({ ...L.notice, party })
      .then({
        type: 'NoticeGiven',
        data: { party, receivedOn: '2025-03-31', inWriting: true, effectiveOn: '2025-09-30', receipt: null, at: noon('2025-03-31') },
      });
    expect(stateOf(snapshot)).toBe('active.underNotice');
    expect(stateLabel(snapshot).sv).toBe('Uppsagd – uppsägningstiden löper');
  });

  it('give-notice is refused when not in writing, or when it would take effect after the period', () => {
    given(...before('notice'))
      .when({ ...L.notice, inWriting: false })
      .thenFails('RULE_VIOLATED', 'NOTICE_NOT_IN_WRITING');
    const lastDay = { ...L.notice, now: noon('2025-07-01'), receivedOn: '2025-06-30' };
    expect(decide(fold(before('notice')), lastDay)[0].data).toMatchObject({ effectiveOn: '2025-12-30' });
    given(...before('notice'))
      .when({ ...lastDay, receivedOn: '2025-07-01' })
      .thenFails('RULE_VIOLATED', 'NOTICE_TAKES_EFFECT_AFTER_END');
    given(...before('notice'))
      .when({ ...L.notice, receivedOn: '2025-04-01' })
      .thenFails('RULE_VIOLATED', 'DATE_IN_FUTURE');
  });

  it('give-notice is refused twice', () => {
    given(...underNotice())
      .when({ ...L.notice, now: noon('2025-04-01') })
      .thenFails('TRANSITION_NOT_ALLOWED');
  });

  it('record-termination: refused up to and including the day notice takes effect (the last day in force); then terminated with the refund', () => {
    given(...underNotice())
      .when({ ...L.terminate, now: noon('2025-09-29') })
      .thenFails('RULE_VIOLATED', 'AGREEMENT_STILL_IN_FORCE');
    const error = given(...underNotice())
      .when({ ...L.terminate, now: noon('2025-09-30') })
      .thenFails('RULE_VIOLATED', 'AGREEMENT_STILL_IN_FORCE') as RuleViolated;
    expect(error.violations).toEqual([
      {
        rule: 'AGREEMENT_STILL_IN_FORCE',
        sv: 'Överenskommelsen gäller till och med 2025-09-30; upphörandet kan registreras först 2025-10-01.',
        en: 'The agreement is in force up to and including 2025-09-30; the termination cannot be recorded before 2025-10-01.',
      },
    ]);
    const snapshot = given(...underNotice())
      .when(L.terminate)
      .then({ type: 'AgreementTerminated', data: { terminatedOn: '2025-09-30', refund: ore(12_786_491), at: noon('2025-10-01') } });
    expect(stateOf(snapshot)).toBe('terminated');
    expect(snapshot.context.refund).toBe(ore(12_786_491)); // 507 290,13 kr × 92/365, to the öre
  });

  it('a v1 case keeps the rule it was decided under: terminated on the day notice takes effect, and its stream still replays', () => {
    const v1 = machineFor('iopCase', 1);
    const history = [...underNotice()];
    const onTheDay = decide(fold(history, v1), { ...L.terminate, now: noon('2025-09-30') });
    expect(onTheDay).toEqual([{ type: 'AgreementTerminated', data: { terminatedOn: '2025-09-30', refund: ore(12_786_491), at: noon('2025-09-30') } }]);
    expect(stateOf(fold([...history, ...onTheDay], v1))).toBe('terminated');
    expect(() => fold([...history, ...onTheDay])).toThrow(/AGREEMENT_STILL_IN_FORCE/);
    expect(() => decide(fold(history, v1), { ...L.terminate, now: noon('2025-09-29') })).toThrow(/NOTICE_NOT_YET_EFFECTIVE/);
  });

  it('record-termination is refused without notice', () => {
    given(...before('notice'))
      .when(L.terminate)
      .thenFails('TRANSITION_NOT_ALLOWED');
  });
});

describe('expiry', () => {
  const expire = command('record-expiry', '2026-01-01', {});

  it('is refused up to and including the last day of the period, then expires the case', () => {
    for (const day of ['2025-12-30', '2025-12-31']) {
      given(...before('notice'))
        .when({ ...expire, now: noon(day) })
        .thenFails('RULE_VIOLATED', 'AGREEMENT_STILL_IN_FORCE');
    }
    const snapshot = given(...before('notice'))
      .when(expire)
      .then({ type: 'AgreementExpired', data: { expiredOn: '2025-12-31', at: noon('2026-01-01') } });
    expect(stateOf(snapshot)).toBe('expired');
    expect(stateLabel(snapshot)).toEqual({ sv: 'Avslutad – avtalstiden har löpt ut', en: 'Closed – expired' });
  });

  it('under a v1 machine is recorded on the last day itself, as it was (PERIOD_NOT_ENDED before)', () => {
    const v1 = fold(before('notice'), machineFor('iopCase', 1));
    expect(decide(v1, { ...expire, now: noon('2025-12-31') })).toHaveLength(1);
    expect(() => decide(v1, { ...expire, now: noon('2025-12-30') })).toThrow(/PERIOD_NOT_ENDED/);
  });

  it('is refused under notice: the notice ends the agreement', () => {
    const lastDayNotice = { ...L.notice, now: noon('2025-06-30'), receivedOn: '2025-06-30' };
    const history = [...before('notice'), ...record([lastDayNotice], fold(before('notice')))];
    given(...history)
      .when(expire)
      .thenFails('RULE_VIOLATED', 'NOTICE_PENDING');
  });
});

describe('closed cases', () => {
  it('accept nothing', () => {
    const error = given(...seedEvents(L))
      .when(command('record-expiry', '2030-01-01', {}))
      .thenFails('TRANSITION_NOT_ALLOWED');
    expect((error as TransitionNotAllowed).allowed).toEqual([]);
    expect(allowedCommands(fold(seedEvents(L)))).toEqual([]);
  });
});

describe('refusals explain themselves', () => {
  it('in Swedish and English, with a machine code', () => {
    const error = given(...before('justering'))
      .when({ ...L.justering, justeradOn: '2022-11-08' })
      .thenFails('RULE_VIOLATED') as RuleViolated;
    expect(error.violations).toEqual([
      {
        rule: 'JUSTERING_BEFORE_MEETING',
        sv: 'Protokollet kan inte justeras (2022-11-08) före sammanträdet (2022-11-09).',
        en: 'The protocol cannot be justerat (2022-11-08) before the meeting (2022-11-09).',
      },
    ]);
  });
});
