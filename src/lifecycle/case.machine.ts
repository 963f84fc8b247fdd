import { and, assign, setup } from 'xstate';
import type { CaseEvent } from './case.events';
import { applyEvent, initialFacts, type CaseFacts } from './case.facts';
import { violations } from './commands';
import { PARTY_ROLES, type AppealOutcome, type DecisionOutcome, type PartyRole } from './case.values';
import { deriveMachine, type MachineConfig, type StateConfig } from './machine-variant';

export const CASE_MACHINE_ID = 'iopCase';
/**
 * The version new cases start under. Bump it (and keep the old machine in `machines`) whenever a
 * change would replay old streams differently: a new transition, or a rule that refuses more.
 */
export const CASE_MACHINE_VERSION = 2;

/** Every state carries its name for officials (sv) and for everyone else (en). */
export interface StateMeta {
  label: { sv: string; en: string };
  /** Facts that must be known in this state; a case without them cannot migrate into it (machine-migration.ts). */
  requires?: (keyof CaseFacts)[];
}
/** Closed cases are final states tagged `closed`; they stay in the store for audit. */
export const CLOSED_TAG = 'closed';

const label = (sv: string, en: string): { meta: StateMeta } => ({ meta: { label: { sv, en } } });

const lifecycle = setup({
  types: {
    context: {} as CaseFacts,
    events: {} as CaseEvent,
    meta: {} as StateMeta,
    tags: {} as typeof CLOSED_TAG,
  },
  guards: {
    /** All of the event's rules (its command's, src/lifecycle/commands) that version 1 holds are kept; later versions provide their own. */
    rulesHold: ({ context, event }) => violations(context, event, 1).length === 0,
    outcomeIs: ({ event }, params: { outcome: DecisionOutcome | AppealOutcome }) => 'outcome' in event.data && event.data.outcome === params.outcome,
    partyIs: ({ event }, params: { party: PartyRole }) => event.type === 'AgreementSigned' && event.data.party === params.party,
    /** v2: after a late appeal was upheld, a signature made before the appeal still stands. */
    hasSigned: ({ context }, params: { party: PartyRole }) => context.signatures[params.party] !== null,
    /** v2: a party signed before a late appeal came in. */
    anySigned: ({ context }) => PARTY_ROLES.some((party) => context.signatures[party] !== null),
  },
  actions: {
    /** The only action: fold the event into the facts. */
    record: assign(({ context, event }) => applyEvent(context, event)),
  },
});

/** A checked transition: the rules must hold, and the event is recorded into the facts. */
const go = (target?: string) => ({ target, guard: 'rulesHold', actions: 'record' }) as const;
const goWhen = (target: string, outcome: DecisionOutcome | AppealOutcome) =>
  ({ target, guard: and(['rulesHold', { type: 'outcomeIs', params: { outcome } }]), actions: 'record' }) as const;

const withdraw = go('#iopCase.withdrawn');
const closeIneligible = go('#iopCase.ineligible');
/** Reassigning the officer changes no state; it is possible until the case closes. */
const reassignOfficer = go();

const signatureRegion = (party: PartyRole, region: [string, string], unsigned: [string, string], signed: [string, string]) => ({
  ...label(...region),
  initial: 'unsigned' as const,
  states: {
    unsigned: {
      ...label(...unsigned),
      on: {
        AgreementSigned: {
          target: 'signed',
          guard: and(['rulesHold', { type: 'partyIs', params: { party } }]),
          actions: 'record',
        } as const,
      },
    },
    signed: { type: 'final' as const, ...label(...signed) },
  },
});

const closedAs = (sv: string, en: string) => ({ type: 'final' as const, tags: CLOSED_TAG as typeof CLOSED_TAG, ...label(sv, en) });

/**
 * One IOP case from application to its end. Rules are guards (`rulesHold`), facts are context,
 * events are the case stream's events: folding a stream through this machine rebuilds the case.
 * Signing only follows an approved decision whose protocol is justerat and posted and which has
 * gained legal force (laga kraft) — or survived an appeal. Acting on a decision before laga kraft
 * is lawful in principle, but this version waits; relaxing it is a new machine version.
 */
const caseMachineV1 = lifecycle.createMachine({
  id: CASE_MACHINE_ID,
  context: initialFacts,
  initial: 'new',
  states: {
    new: {
      ...label('Ny', 'New'),
      on: { ApplicationSubmitted: go('application') },
    },
    application: {
      ...label('Ansökan', 'Application'),
      initial: 'submitted',
      on: { ApplicationWithdrawn: withdraw, ClosedAsIneligible: closeIneligible },
      states: {
        submitted: { ...label('Inkommen', 'Submitted'), on: { CaseRegistered: go('registered') } },
        registered: { ...label('Registrerad', 'Registered'), on: { OfficerAssigned: go('#iopCase.preparation') } },
      },
    },
    preparation: {
      ...label('Under beredning', 'In preparation'),
      initial: 'awaitingProposal',
      on: { ApplicationWithdrawn: withdraw, ClosedAsIneligible: closeIneligible, OfficerAssigned: reassignOfficer },
      states: {
        awaitingProposal: {
          ...label('Under beredning', 'In preparation'),
          on: { ProposalDrafted: go('proposalDrafted') },
        },
        proposalDrafted: {
          ...label('Under beredning – tjänsteutlåtande upprättat', 'In preparation – proposal drafted'),
          on: { ProposalDrafted: go(), ProposalSigned: go('proposalSigned') },
        },
        proposalSigned: {
          ...label('Tjänsteutlåtande undertecknat – väntar på sammanträde', 'Proposal signed – awaiting a meeting'),
          on: { ProposalDrafted: go('proposalDrafted'), MeetingScheduled: go('#iopCase.decision') },
        },
      },
    },
    decision: {
      ...label('Beslut', 'Decision'),
      initial: 'pending',
      on: { ApplicationWithdrawn: withdraw, OfficerAssigned: reassignOfficer },
      states: {
        pending: {
          ...label('Väntar på beslut', 'Awaiting a decision'),
          initial: 'scheduled',
          states: {
            scheduled: {
              ...label('På dagordningen', 'On the agenda'),
              on: {
                DecisionRecorded: [
                  goWhen('#iopCase.decision.approved', 'approved'),
                  goWhen('#iopCase.rejected', 'rejected'),
                  goWhen('#iopCase.preparation.awaitingProposal', 'returned'),
                  goWhen('deferred', 'deferred'),
                  goWhen('recommended', 'recommended'),
                ],
              },
            },
            deferred: {
              ...label('Bordlagd – väntar på nytt sammanträde', 'Deferred – awaiting a later meeting'),
              on: { MeetingScheduled: go('scheduled') },
            },
            recommended: {
              ...label('Rekommenderad – väntar på beslut i högre organ', 'Recommended – awaiting the higher body'),
              on: { MeetingScheduled: go('scheduled') },
            },
          },
        },
        approved: {
          ...label('Beviljad', 'Approved'),
          initial: 'awaitingJustering',
          states: {
            awaitingJustering: {
              ...label('Beslutad – väntar på justering', 'Decided – awaiting justering'),
              on: { JusteringRecorded: go('awaitingPosting') },
            },
            awaitingPosting: {
              ...label('Justerad – väntar på anslag', 'Justerat – awaiting posting'),
              on: { PostingRecorded: go('appealWindow') },
            },
            appealWindow: {
              ...label('Anslagen – överklagandetiden löper', 'Posted – appeal window open'),
              on: { DecisionBecameFinal: go('#iopCase.signing'), AppealLodged: go('appealed') },
            },
            appealed: {
              ...label('Överklagad', 'Appealed'),
              on: {
                AppealOutcomeRecorded: [goWhen('#iopCase.signing', 'upheld'), goWhen('#iopCase.quashed', 'quashed')],
              },
            },
          },
        },
      },
    },
    signing: {
      ...label('Undertecknande', 'Signing'),
      type: 'parallel',
      on: { ApplicationWithdrawn: withdraw, OfficerAssigned: reassignOfficer },
      states: {
        municipality: signatureRegion(
          'municipality',
          ['Kommunens underskrift', "The municipality's signature"],
          ['väntar på kommunens underskrift', "awaiting the municipality's signature"],
          ['undertecknad av kommunen', 'signed by the municipality'],
        ),
        organisation: signatureRegion(
          'organisation',
          ['Organisationens underskrift', "The organisation's signature"],
          ['väntar på organisationens underskrift', "awaiting the organisation's signature"],
          ['undertecknad av organisationen', 'signed by the organisation'],
        ),
      },
      onDone: 'active',
    },
    active: {
      ...label('Aktiv', 'Active'),
      initial: 'running',
      on: {
        OfficerAssigned: reassignOfficer,
        PaymentRecorded: go(),
        FollowUpMeetingRecorded: go(),
        AnnualReportSubmitted: go(),
        EvaluationRecorded: go(),
        RepaymentClaimed: go(),
        ReportBackSubmitted: go(),
        TermsAmended: go(),
        AgreementExpired: go('#iopCase.expired'),
      },
      states: {
        running: {
          ...label('Aktiv', 'Active'),
          on: { RenewalStarted: go('renewing'), NoticeGiven: go('underNotice') },
        },
        renewing: {
          ...label('Aktiv – förnyelse pågår', 'Active – renewal in progress'),
          on: { RenewalCompleted: go('#iopCase.renewed'), NoticeGiven: go('underNotice') },
        },
        underNotice: {
          ...label('Uppsagd – uppsägningstiden löper', 'Under notice'),
          on: { AgreementTerminated: go('#iopCase.terminated') },
        },
      },
    },
    withdrawn: closedAs('Avslutad – ansökan återkallad', 'Closed – application withdrawn'),
    ineligible: closedAs('Avslutad – inte ett IOP', 'Closed – not eligible for IOP'),
    rejected: closedAs('Avslutad – avslag', 'Closed – rejected'),
    quashed: closedAs('Avslutad – beslutet upphävt', 'Closed – decision quashed on appeal'),
    renewed: closedAs('Avslutad – förnyad', 'Closed – renewed'),
    terminated: closedAs('Avslutad – uppsagd', 'Closed – terminated'),
    expired: closedAs('Avslutad – avtalstiden har löpt ut', 'Closed – expired'),
  },
});

export type CaseMachine = typeof caseMachineV1;

const APPEALED = '#iopCase.decision.approved.appealed';
const APPEALED_AFTER_SIGNING = '#iopCase.decision.approved.appealedAfterSigning';

/**
 * Version 2 (issue 11), made from version 1 by these edits:
 * - **8a, a late appeal.** The court, not the municipality, receives appeals, so the municipality
 *   may learn of one lodged within the window after it recorded the decision final. `AppealLodged`
 *   is then taken in `signing` and in `active.running` too (its rules still require a date within
 *   the window): the case waits for the court again, in `appealed`, or, when a party has signed
 *   already, in `appealedAfterSigning`, whose name says that a person must resolve what was
 *   signed. If the decision is upheld, signing resumes, and a signature made before the appeal
 *   still stands (`unsigned` passes on to `signed` by itself, so both signatures make the case
 *   active again); if it is quashed, the case closes.
 * - **8b, the day after the last day in force.** Termination and expiry are refused until the day
 *   after the agreement's last day in force (`AGREEMENT_STILL_IN_FORCE`, a rule `since` v2), as
 *   the timers act. Version 1 streams keep the rule they were decided under.
 */
function lateAppeals(config: MachineConfig): void {
  const { decision, signing, active } = config.states;
  const approved = at(decision, 'approved');
  approved.states!.appealedAfterSigning = {
    ...label(
      'Överklagad efter undertecknande – en handläggare måste ta ställning till det undertecknade',
      'Appealed after signing – a person must resolve what was signed',
    ),
    on: { AppealOutcomeRecorded: at(approved, 'appealed').on!.AppealOutcomeRecorded },
  };
  signing.on!.AppealLodged = [{ target: APPEALED_AFTER_SIGNING, guard: and(['rulesHold', 'anySigned']), actions: 'record' }, go(APPEALED)];
  at(active, 'running').on!.AppealLodged = go(APPEALED_AFTER_SIGNING);
  for (const party of PARTY_ROLES) {
    at(at(signing, party), 'unsigned').always = { target: 'signed', guard: { type: 'hasSigned', params: { party } } };
  }
}

function at(state: StateConfig, child: string): StateConfig {
  return state.states![child];
}

const caseMachineV2 = deriveMachine(caseMachineV1, lateAppeals).provide({
  guards: { rulesHold: ({ context, event }) => violations(context, event, 2).length === 0 },
});

/** What each version changed, for docs/lifecycle.md. */
export const MACHINE_VERSION_NOTES: Record<number, string> = {
  1: 'the lifecycle of shared/domain.md.',
  2:
    'a late appeal (lodged within the window, learnt of after finality was recorded) is accepted in `signing` and ' +
    '`active.running`; the case waits for the court (`appealedAfterSigning` when a party had signed) and signatures made before it stand; ' +
    'termination and expiry are recorded from the day after the last day in force (`AGREEMENT_STILL_IN_FORCE`).',
};

/** The machine new cases start under (version {@link CASE_MACHINE_VERSION}). */
export const caseMachine: CaseMachine = caseMachineV2;

/** Old streams replay under the machine version that wrote them (recorded in each event's metadata). */
export const machines: Record<string, Record<number, CaseMachine>> = {
  [CASE_MACHINE_ID]: { 1: caseMachineV1, 2: caseMachineV2 },
};

/** The version a machine is registered under, which says which rules it holds; an unregistered one (a candidate) holds the current rules. */
export function rulesVersionOf(machine: CaseMachine): number {
  for (const versions of Object.values(machines)) {
    for (const [version, registered] of Object.entries(versions)) if (registered === machine) return Number(version);
  }
  return CASE_MACHINE_VERSION;
}
