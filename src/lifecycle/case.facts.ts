import type { IsoDate } from '../calendar';
import type { Ore } from '../money';
import type { CaseEvent, CaseEventType, EventData } from './case.events';
import type { ContactPerson, Officer, Party, PartyRole, Person, Terms } from './case.values';

type WithoutAt<T> = Omit<T, 'at'>;

/** The proposal's terms become the case's terms ({@link CaseFacts.terms}). */
export type Proposal = Omit<EventData<'ProposalDrafted'>, 'at' | 'terms'> & {
  /** 1 for the first draft; revisions (also after återremiss) count up. */
  revision: number;
  signedBy: Person | null;
  signedOn: IsoDate | null;
};
export type Meeting = WithoutAt<EventData<'MeetingScheduled'>>;
export type Decision = WithoutAt<EventData<'DecisionRecorded'>> & Meeting;
/** The hash of the document an event issued stays in the event (documents list it); facts keep what was decided. */
type WithoutDocument<T> = Omit<WithoutAt<T>, 'document'>;
export type Signature = WithoutDocument<EventData<'AgreementSigned'>>;
export type Closure = 'withdrawn' | 'ineligible' | 'rejected' | 'quashed' | 'renewed' | 'terminated' | 'expired';

/**
 * The case's facts: the machine context, changed only by {@link applyEvent}. State (where the
 * case is) lives in the machine; facts (what is known) live here, so that rules can compare
 * dates and parties.
 */
export interface CaseFacts {
  municipality: Party | null;
  organisation: Party | null;
  /** Personal data: encrypted at rest, `[raderad]` once erased (src/personal-data). */
  contactPerson: ContactPerson | null;
  purpose: string | null;
  targetGroups: string[];
  activities: string[];
  /** Requested terms at first, then the proposal's, then amendments: the terms in force last. */
  terms: Terms | null;
  /** The terms before any amendment (the application's, then the proposal's): the payment plan's start. */
  agreedTerms: Terms | null;
  receivedOn: IsoDate | null;
  previousCaseId: string | null;
  diarienummer: string | null;
  registeredOn: IsoDate | null;
  officer: Officer | null;
  proposal: Proposal | null;
  /** The meeting the case is on now. */
  meeting: Meeting | null;
  /** After a deferral or a recommendation, the next meeting must be of this body, after this date. */
  nextMeeting: { bodyCode: string; after: IsoDate } | null;
  decisions: Decision[];
  protocol: { justeradOn: IsoDate | null; postedOn: IsoDate | null; appealWindowEndsOn: IsoDate | null };
  finalOn: IsoDate | null;
  appeal: (WithoutAt<EventData<'AppealLodged'>> & { outcome: EventData<'AppealOutcomeRecorded'>['outcome'] | null }) | null;
  signatures: Record<PartyRole, Signature | null>;
  payments: WithoutAt<EventData<'PaymentRecorded'>>[];
  followUpMeetings: WithoutAt<EventData<'FollowUpMeetingRecorded'>>[];
  annualReports: WithoutAt<EventData<'AnnualReportSubmitted'>>[];
  evaluations: WithoutAt<EventData<'EvaluationRecorded'>>[];
  repaymentClaims: WithoutAt<EventData<'RepaymentClaimed'>>[];
  reportBack: WithoutDocument<EventData<'ReportBackSubmitted'>> | null;
  amendments: WithoutAt<EventData<'TermsAmended'>>[];
  renewal: { newCaseId: string; startedOn: IsoDate; completedOn: IsoDate | null } | null;
  notice: WithoutAt<EventData<'NoticeGiven'>> | null;
  /** Unused funds refunded on termination, in öre. */
  refund: Ore | null;
  closed: { as: Closure; on: IsoDate } | null;
}

export const initialFacts: CaseFacts = {
  municipality: null,
  organisation: null,
  contactPerson: null,
  purpose: null,
  targetGroups: [],
  activities: [],
  terms: null,
  agreedTerms: null,
  receivedOn: null,
  previousCaseId: null,
  diarienummer: null,
  registeredOn: null,
  officer: null,
  proposal: null,
  meeting: null,
  nextMeeting: null,
  decisions: [],
  protocol: { justeradOn: null, postedOn: null, appealWindowEndsOn: null },
  finalOn: null,
  appeal: null,
  signatures: { municipality: null, organisation: null },
  payments: [],
  followUpMeetings: [],
  annualReports: [],
  evaluations: [],
  repaymentClaims: [],
  reportBack: null,
  amendments: [],
  renewal: null,
  notice: null,
  refund: null,
  closed: null,
};

type Reducer<T extends CaseEventType> = (facts: CaseFacts, data: WithoutAt<EventData<T>>) => Partial<CaseFacts>;

const closeAs = (as: Closure, on: IsoDate): Partial<CaseFacts> => ({ closed: { as, on } });

/** One pure reducer per event type; the machine's only action applies it. */
const reducers: { [T in CaseEventType]: Reducer<T> } = {
  ApplicationSubmitted: (_, d) => ({ ...d, agreedTerms: d.terms }),
  CaseRegistered: (_, { document: _document, ...d }) => ({ ...d }),
  OfficerAssigned: (_, d) => ({ officer: d.officer }),
  ApplicationWithdrawn: (_, d) => closeAs('withdrawn', d.withdrawnOn),
  ClosedAsIneligible: (_, d) => closeAs('ineligible', d.closedOn),
  ProposalDrafted: (f, { terms, ...proposal }) => ({
    terms,
    agreedTerms: terms,
    proposal: { ...proposal, revision: (f.proposal?.revision ?? 0) + 1, signedBy: null, signedOn: null },
  }),
  ProposalSigned: (f, { signedBy, signedOn }) => ({ proposal: { ...present(f.proposal), signedBy, signedOn } }),
  MeetingScheduled: (_, d) => ({ meeting: d, nextMeeting: null }),
  DecisionRecorded: (f, d) => {
    const meeting = present(f.meeting);
    const decision = { ...d, ...meeting };
    const decisions = [...f.decisions, decision];
    if (d.outcome === 'deferred') return { decisions, nextMeeting: { bodyCode: meeting.body.code, after: meeting.meetingDate } };
    if (d.outcome === 'recommended') {
      return { decisions, nextMeeting: { bodyCode: present(d.recommendedTo).code, after: meeting.meetingDate } };
    }
    if (d.outcome === 'rejected') return { decisions, ...closeAs('rejected', meeting.meetingDate) };
    return { decisions };
  },
  JusteringRecorded: (f, d) => ({ protocol: { ...f.protocol, justeradOn: d.justeradOn } }),
  PostingRecorded: (f, { postedOn, appealWindowEndsOn }) => ({ protocol: { ...f.protocol, postedOn, appealWindowEndsOn } }),
  DecisionBecameFinal: (_, d) => ({ finalOn: d.finalOn }),
  // A late appeal (machine v2) withdraws a finality recorded too early: the decision was not final after all.
  AppealLodged: (_, d) => ({ appeal: { ...d, outcome: null }, finalOn: null }),
  AppealOutcomeRecorded: (f, d) => ({
    appeal: { ...present(f.appeal), outcome: d.outcome },
    ...(d.outcome === 'upheld' ? { finalOn: d.decidedOn } : closeAs('quashed', d.decidedOn)),
  }),
  AgreementSigned: (f, { document: _document, ...d }) => ({ signatures: { ...f.signatures, [d.party]: d } }),
  PaymentRecorded: (f, d) => ({ payments: [...f.payments, d] }),
  FollowUpMeetingRecorded: (f, d) => ({ followUpMeetings: [...f.followUpMeetings, d] }),
  AnnualReportSubmitted: (f, d) => ({ annualReports: [...f.annualReports, d] }),
  EvaluationRecorded: (f, d) => ({ evaluations: [...f.evaluations, d] }),
  RepaymentClaimed: (f, d) => ({ repaymentClaims: [...f.repaymentClaims, d] }),
  ReportBackSubmitted: (_, { document: _document, ...d }) => ({ reportBack: d }),
  TermsAmended: (f, d) => ({ terms: d.terms, amendments: [...f.amendments, d] }),
  RenewalStarted: (_, d) => ({ renewal: { ...d, completedOn: null } }),
  RenewalCompleted: (f, d) => ({ renewal: { ...present(f.renewal), completedOn: d.completedOn }, ...closeAs('renewed', d.completedOn) }),
  NoticeGiven: (_, d) => ({ notice: d }),
  AgreementTerminated: (_, d) => ({ refund: d.refund, ...closeAs('terminated', d.terminatedOn) }),
  AgreementExpired: (_, d) => closeAs('expired', d.expiredOn),
};

export function applyEvent(facts: CaseFacts, event: CaseEvent): CaseFacts {
  const { at: _at, ...data } = event.data;
  const reduce = reducers[event.type] as Reducer<CaseEventType>;
  return { ...facts, ...reduce(facts, data as never) };
}

/**
 * For facts the machine guarantees in the current state (a signed proposal exists once a
 * meeting is scheduled). Failing means the machine and the facts disagree: a bug, not input.
 */
export function present<T>(value: T | null): T {
  if (value === null) throw new Error('Lifecycle invariant broken: a fact the state requires is missing');
  return value;
}
