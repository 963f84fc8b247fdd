import { and, assign, setup } from 'xstate';
import type { CaseEvent } from './case.events';
import { applyEvent, initialFacts, type CaseFacts } from './case.facts';
import { violations } from './commands';
import type { AppealOutcome, DecisionOutcome, PartyRole } from './case.values';

export const CASE_MACHINE_ID = 'iopCase';
/** Bump (and keep the old machine in `machines`) whenever a change would replay old streams differently. */
export const CASE_MACHINE_VERSION = 1;

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
    /** All of the event's rules (its command's, src/lifecycle/commands) hold against the facts. */
    rulesHold: ({ context, event }) => violations(context, event).length === 0,
    outcomeIs: ({ event }, params: { outcome: DecisionOutcome | AppealOutcome }) => 'outcome' in event.data && event.data.outcome === params.outcome,
    partyIs: ({ event }, params: { party: PartyRole }) => event.type === 'AgreementSigned' && event.data.party === params.party,
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
export const caseMachine = lifecycle.createMachine({
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

export type CaseMachine = typeof caseMachine;

/** Old streams replay under the machine version that wrote them (recorded in each event's metadata). */
export const machines: Record<string, Record<number, CaseMachine>> = {
  [CASE_MACHINE_ID]: { [CASE_MACHINE_VERSION]: caseMachine },
};
