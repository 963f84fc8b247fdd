import { stockholmDate, yearOf, type IsoDate } from '../calendar';
import type { CaseEvent, CaseEventType, EventData } from './case.events';
import type { CaseFacts } from './case.facts';
import { BODY_RANK, type Terms } from './case.values';
import { isValidOrganisationNumber, normaliseOrganisationNumber } from './organisation-number';

/** A broken rule, with a stable machine code and a message for officials and for developers. */
export interface Violation {
  rule: string;
  sv: string;
  en: string;
}

type Data<T extends CaseEventType> = EventData<T>;
/** Returns the violations; `today` is the Stockholm date of the event's `at`. */
type Rule<T extends CaseEventType> = (facts: CaseFacts, data: Data<T>, today: IsoDate) => Violation[];

const violation = (rule: string, sv: string, en: string): Violation[] => [{ rule, sv, en }];
const none: Violation[] = [];

/** `later` must not be before `earlier` (skipped while `earlier` is unknown). */
function inOrder<T extends CaseEventType>(
  rule: string,
  pick: (facts: CaseFacts, data: Data<T>, today: IsoDate) => { earlier: IsoDate | null; later: IsoDate },
  sv: (earlier: IsoDate, later: IsoDate) => string,
  en: (earlier: IsoDate, later: IsoDate) => string,
): Rule<T> {
  return (facts, data, today) => {
    const { earlier, later } = pick(facts, data, today);
    return earlier !== null && later < earlier ? violation(rule, sv(earlier, later), en(earlier, later)) : none;
  };
}

/** Recorded facts happened: their date cannot be after the day the command is given. */
const notInFuture = <T extends CaseEventType>(date: (data: Data<T>) => IsoDate): Rule<T> =>
  inOrder<T>(
    'DATE_IN_FUTURE',
    (_, data, today) => ({ earlier: date(data), later: today }),
    (d) => `Datumet ${d} ligger i framtiden.`,
    (d) => `The date ${d} is in the future.`,
  );

/** Commands the deadline engine fires on time are refused before their date. */
const notBeforeDate = <T extends CaseEventType>(
  rule: string,
  what: { sv: string; en: string },
  date: (facts: CaseFacts, data: Data<T>) => IsoDate | null,
): Rule<T> =>
  inOrder<T>(
    rule,
    (facts, data, today) => ({ earlier: date(facts, data), later: today }),
    (d) => `${what.sv} kan registreras först ${d}.`,
    (d) => `${what.en} cannot be recorded before ${d}.`,
  );

const notBeforeReceived = <T extends CaseEventType>(date: (data: Data<T>) => IsoDate): Rule<T> =>
  inOrder<T>(
    'DATE_BEFORE_RECEIVED',
    (facts, data) => ({ earlier: facts.receivedOn, later: date(data) }),
    (e, l) => `Datumet ${l} ligger före ansökan kom in (${e}).`,
    (e, l) => `The date ${l} is before the application was received (${e}).`,
  );

function organisationNumberValid(party: { organisationNumber: string }, who: string): Violation[] {
  return isValidOrganisationNumber(party.organisationNumber)
    ? none
    : violation(
        'ORGANISATION_NUMBER_INVALID',
        `Organisationsnumret ${party.organisationNumber} (${who}) är inte giltigt: tio siffror med korrekt kontrollsiffra krävs.`,
        `Organisation number ${party.organisationNumber} (${who}) is invalid: ten digits with a valid Luhn check digit are required.`,
      );
}

function amountNotNegative(amount: number, what: string): Violation[] {
  return amount >= 0 ? none : violation('AMOUNT_NEGATIVE', `${what} får inte vara negativt (${amount}).`, `${what} must not be negative (${amount}).`);
}

function periodInOrder(period: { start: IsoDate; end: IsoDate }): Violation[] {
  return period.start < period.end
    ? none
    : violation(
        'PERIOD_NOT_IN_ORDER',
        `Perioden måste börja före sitt slut (${period.start}–${period.end}).`,
        `The period must start before it ends (${period.start} to ${period.end}).`,
      );
}

function termsValid(terms: Terms): Violation[] {
  const { funding, volunteerContribution: volunteers } = terms;
  const amounts: Array<[number, string]> =
    funding.kind === 'fixed'
      ? [[funding.amountPerYear, 'amountPerYear']]
      : [
          [funding.amountPerInhabitant, 'amountPerInhabitant'],
          [funding.inhabitants, 'inhabitants'],
        ];
  if (volunteers) amounts.push([volunteers.hours, 'volunteerContribution.hours'], [volunteers.valueKr, 'volunteerContribution.valueKr']);
  return [
    ...amounts.flatMap(([amount, what]) => amountNotNegative(amount, what)),
    ...periodInOrder(terms.period),
    ...(terms.noticeMonths >= 0
      ? none
      : violation('NOTICE_MONTHS_NEGATIVE', 'Uppsägningstiden får inte vara negativ.', 'The notice period must not be negative.')),
  ];
}

function yearWithinPeriod(facts: CaseFacts, year: number): Violation[] {
  const period = agreementPeriod(facts);
  return year >= yearOf(period.start) && year <= yearOf(period.end)
    ? none
    : violation(
        'YEAR_OUTSIDE_PERIOD',
        `År ${year} ligger utanför överenskommelsens period (${period.start}–${period.end}).`,
        `Year ${year} is outside the agreement period (${period.start} to ${period.end}).`,
      );
}

function agreementPeriod(facts: CaseFacts): { start: IsoDate; end: IsoDate } {
  if (facts.terms === null) throw new Error('Lifecycle invariant broken: an active case has terms');
  return facts.terms.period;
}

const totalPaid = (facts: CaseFacts): number => facts.payments.reduce((sum, p) => sum + p.amount, 0);
const totalClaimed = (facts: CaseFacts): number => facts.repaymentClaims.reduce((sum, c) => sum + c.amount, 0);

/**
 * The rules of the lifecycle, by event type. They are the machine's `rulesHold` guard; `decide`
 * reads them again only to say which rule failed. Which events are possible at all is the
 * machine's state structure, not a rule.
 */
export const caseRules: { [T in CaseEventType]: Rule<T>[] } = {
  ApplicationSubmitted: [
    (_, d) => [...organisationNumberValid(d.municipality, d.municipality.name), ...organisationNumberValid(d.organisation, d.organisation.name)],
    (_, d) => termsValid(d.terms),
    notInFuture((d) => d.receivedOn),
  ],
  CaseRegistered: [notBeforeReceived((d) => d.registeredOn), notInFuture((d) => d.registeredOn)],
  OfficerAssigned: [
    inOrder(
      'ASSIGNED_BEFORE_REGISTERED',
      (f, d) => ({ earlier: f.registeredOn, later: d.assignedOn }),
      (e, l) => `Handläggaren kan inte tilldelas (${l}) före registreringen (${e}).`,
      (e, l) => `An officer cannot be assigned (${l}) before the case was registered (${e}).`,
    ),
    notInFuture((d) => d.assignedOn),
  ],
  ApplicationWithdrawn: [notBeforeReceived((d) => d.withdrawnOn), notInFuture((d) => d.withdrawnOn)],
  ClosedAsIneligible: [notBeforeReceived((d) => d.closedOn), notInFuture((d) => d.closedOn)],
  ProposalDrafted: [
    (_, d) => termsValid(d.terms),
    inOrder(
      'DRAFTED_BEFORE_REGISTERED',
      (f, d) => ({ earlier: f.registeredOn, later: d.draftedOn }),
      (e, l) => `Tjänsteutlåtandet (${l}) kan inte vara daterat före registreringen (${e}).`,
      (e, l) => `The proposal (${l}) cannot be dated before the case was registered (${e}).`,
    ),
    notInFuture((d) => d.draftedOn),
  ],
  ProposalSigned: [
    inOrder(
      'SIGNED_BEFORE_DRAFTED',
      (f, d) => ({ earlier: f.proposal?.draftedOn ?? null, later: d.signedOn }),
      (e, l) => `Tjänsteutlåtandet kan inte undertecknas (${l}) före det upprättades (${e}).`,
      (e, l) => `The proposal cannot be signed (${l}) before it was drafted (${e}).`,
    ),
    notInFuture((d) => d.signedOn),
  ],
  MeetingScheduled: [
    inOrder(
      'MEETING_BEFORE_PROPOSAL_SIGNED',
      (f, d) => ({ earlier: f.proposal?.signedOn ?? null, later: d.meetingDate }),
      (e, l) => `Sammanträdet (${l}) kan inte ligga före tjänsteutlåtandets underskrift (${e}).`,
      (e, l) => `The meeting (${l}) cannot be before the proposal was signed (${e}).`,
    ),
    ({ nextMeeting: next }, d) =>
      next === null || d.body.code === next.bodyCode
        ? none
        : violation(
            'MEETING_BODY_MISMATCH',
            `Ärendet ska behandlas av ${next.bodyCode}, inte ${d.body.code}.`,
            `The case must go to ${next.bodyCode}, not ${d.body.code}.`,
          ),
    ({ nextMeeting: next }, d) =>
      next === null || d.meetingDate > next.after
        ? none
        : violation(
            'MEETING_NOT_AFTER_PREVIOUS',
            `Det nya sammanträdet (${d.meetingDate}) måste ligga efter det förra (${next.after}).`,
            `The new meeting (${d.meetingDate}) must be after the previous one (${next.after}).`,
          ),
  ],
  DecisionRecorded: [
    notBeforeDate('DECISION_BEFORE_MEETING', { sv: 'Beslutet', en: 'The decision' }, (f) => f.meeting?.meetingDate ?? null),
    (f, d) =>
      f.meeting?.body.kind === 'committee' && (d.outcome === 'approved' || d.outcome === 'rejected')
        ? violation(
            'COMMITTEE_CANNOT_DECIDE',
            `${f.meeting.body.name} är ett utskott och kan bara rekommendera, inte besluta.`,
            `${f.meeting.body.name} is a committee (utskott): it can only recommend, not decide.`,
          )
        : none,
    (f, d) => {
      if (d.outcome !== 'recommended') {
        return d.recommendedTo === null
          ? none
          : violation('RECOMMENDATION_UNEXPECTED', 'Mottagare anges bara för en rekommendation.', 'recommendedTo is only given with the outcome recommended.');
      }
      const from = f.meeting?.body;
      return d.recommendedTo !== null && from !== undefined && BODY_RANK[d.recommendedTo.kind] > BODY_RANK[from.kind]
        ? none
        : violation(
            'RECOMMENDATION_NOT_TO_HIGHER_BODY',
            'En rekommendation ska gå till ett högre organ (utskott → styrelse/nämnd → fullmäktige).',
            'A recommendation must go to a higher body (committee → board → council).',
          );
    },
  ],
  JusteringRecorded: [
    inOrder(
      'JUSTERING_BEFORE_MEETING',
      (f, d) => ({ earlier: f.meeting?.meetingDate ?? null, later: d.justeradOn }),
      (e, l) => `Protokollet kan inte justeras (${l}) före sammanträdet (${e}).`,
      (e, l) => `The protocol cannot be justerat (${l}) before the meeting (${e}).`,
    ),
    notInFuture((d) => d.justeradOn),
  ],
  PostingRecorded: [
    inOrder(
      'POSTING_BEFORE_JUSTERING',
      (f, d) => ({ earlier: f.protocol.justeradOn, later: d.postedOn }),
      (e, l) => `Protokollet kan inte anslås (${l}) före justeringen (${e}).`,
      (e, l) => `The protocol cannot be posted (${l}) before its justering (${e}).`,
    ),
    notInFuture((d) => d.postedOn),
  ],
  DecisionBecameFinal: [notBeforeDate('NOT_YET_FINAL', { sv: 'Laga kraft', en: 'Legal force (laga kraft)' }, (_, d) => d.finalOn)],
  AppealLodged: [
    (f, d) => {
      const { postedOn, appealWindowEndsOn } = f.protocol;
      return postedOn !== null && appealWindowEndsOn !== null && d.lodgedOn >= postedOn && d.lodgedOn <= appealWindowEndsOn
        ? none
        : violation(
            'APPEAL_OUTSIDE_WINDOW',
            `Överklagandet (${d.lodgedOn}) kom inte in under överklagandetiden (${postedOn}–${appealWindowEndsOn}).`,
            `The appeal (${d.lodgedOn}) was not lodged within the appeal window (${postedOn} to ${appealWindowEndsOn}).`,
          );
    },
    notInFuture((d) => d.lodgedOn),
  ],
  AppealOutcomeRecorded: [
    inOrder(
      'APPEAL_DECIDED_BEFORE_LODGED',
      (f, d) => ({ earlier: f.appeal?.lodgedOn ?? null, later: d.decidedOn }),
      (e, l) => `Domen (${l}) kan inte komma före överklagandet (${e}).`,
      (e, l) => `The judgment (${l}) cannot come before the appeal (${e}).`,
    ),
    notInFuture((d) => d.decidedOn),
  ],
  AgreementSigned: [
    (_, d) => organisationNumberValid(d, d.party),
    (f, d) => {
      const expected = f[d.party]?.organisationNumber;
      return expected === undefined || normaliseOrganisationNumber(expected) === normaliseOrganisationNumber(d.organisationNumber)
        ? none
        : violation(
            'ORGANISATION_NUMBER_MISMATCH',
            `Organisationsnumret ${d.organisationNumber} stämmer inte med partens (${expected}).`,
            `Organisation number ${d.organisationNumber} does not match the party's (${expected}).`,
          );
    },
    (f, d) =>
      f.signatures[d.party] === null
        ? none
        : violation('PARTY_ALREADY_SIGNED', 'Parten har redan undertecknat.', `The ${d.party} has already signed.`),
    inOrder(
      'SIGNED_BEFORE_FINAL',
      (f, d) => ({ earlier: f.finalOn, later: d.signedOn }),
      (e, l) => `Överenskommelsen kan inte undertecknas (${l}) innan beslutet vunnit laga kraft (${e}).`,
      (e, l) => `The agreement cannot be signed (${l}) before the decision became final (${e}).`,
    ),
    notInFuture((d) => d.signedOn),
  ],
  PaymentRecorded: [
    (_, d) => amountNotNegative(d.amount, 'amount'),
    (_, d) => periodInOrder(d.covers),
    (f, d) => {
      const period = agreementPeriod(f);
      return d.covers.start >= period.start && d.covers.end <= period.end
        ? none
        : violation(
            'PAYMENT_OUTSIDE_PERIOD',
            `Utbetalningen avser ${d.covers.start}–${d.covers.end}, utanför överenskommelsens period.`,
            `The payment covers ${d.covers.start} to ${d.covers.end}, outside the agreement period.`,
          );
    },
    notInFuture((d) => d.paidOn),
  ],
  FollowUpMeetingRecorded: [notInFuture((d) => d.heldOn)],
  AnnualReportSubmitted: [
    (_, d) => [...amountNotNegative(d.fundsUsed, 'fundsUsed'), ...amountNotNegative(d.volunteerHours, 'volunteerHours')],
    (f, d) => yearWithinPeriod(f, d.year),
    notInFuture((d) => d.submittedOn),
  ],
  EvaluationRecorded: [(f, d) => yearWithinPeriod(f, d.year), notInFuture((d) => d.evaluatedOn)],
  RepaymentClaimed: [
    (_, d) => amountNotNegative(d.amount, 'amount'),
    (f) =>
      f.evaluations.some((e) => !e.fundsUsedAsIntended)
        ? none
        : violation(
            'REPAYMENT_WITHOUT_FINDING',
            'Återbetalning kan bara krävas om en utvärdering visat att medel inte använts för avsett ändamål.',
            'Repayment can only be claimed after an evaluation found funds not used as intended.',
          ),
    (f, d) =>
      totalClaimed(f) + d.amount <= totalPaid(f)
        ? none
        : violation(
            'REPAYMENT_EXCEEDS_PAID',
            `Kravet (${d.amount} kr) överstiger utbetalda medel som inte redan krävts tillbaka.`,
            `The claim (${d.amount} kr) exceeds the funds paid and not already claimed.`,
          ),
    notInFuture((d) => d.claimedOn),
  ],
  ReportBackSubmitted: [
    (f, d) => {
      const finalYear = yearOf(agreementPeriod(f).end);
      return yearOf(d.submittedOn) >= finalYear
        ? none
        : violation(
            'REPORT_BACK_BEFORE_FINAL_YEAR',
            `Återrapporten lämnas under överenskommelsens sista år (${finalYear}).`,
            `The report back belongs to the agreement's final year (${finalYear}).`,
          );
    },
    notInFuture((d) => d.submittedOn),
  ],
  TermsAmended: [
    (_, d) => termsValid(d.terms),
    (f, d) => {
      const period = agreementPeriod(f);
      return d.terms.period.start === period.start && d.terms.period.end === period.end
        ? none
        : violation(
            'PERIOD_CHANGE_NEEDS_RENEWAL',
            'Perioden ändras inte genom en ändring av villkoren: starta en förnyelse.',
            'The period is not changed by amending the terms: start a renewal.',
          );
    },
    notInFuture((d) => d.agreedOn),
  ],
  RenewalStarted: [notInFuture((d) => d.startedOn)],
  RenewalCompleted: [
    (f, d) =>
      f.renewal?.newCaseId === d.newCaseId
        ? none
        : violation('RENEWAL_CASE_MISMATCH', 'Det är inte det ärende som förnyelsen startade.', 'That is not the case the renewal started.'),
    notInFuture((d) => d.completedOn),
  ],
  NoticeGiven: [
    (_, d) =>
      d.inWriting
        ? none
        : violation('NOTICE_NOT_IN_WRITING', 'Uppsägning ska ske skriftligen.', 'Notice must be given in writing.'),
    (f, d) => {
      const end = agreementPeriod(f).end;
      return d.effectiveOn <= end
        ? none
        : violation(
            'NOTICE_TAKES_EFFECT_AFTER_END',
            `Uppsägningen skulle gälla från ${d.effectiveOn}, efter att perioden slutar (${end}).`,
            `The notice would take effect on ${d.effectiveOn}, after the period ends (${end}).`,
          );
    },
    notInFuture((d) => d.receivedOn),
  ],
  AgreementTerminated: [notBeforeDate('NOTICE_NOT_YET_EFFECTIVE', { sv: 'Upphörandet', en: 'The termination' }, (_, d) => d.terminatedOn)],
  AgreementExpired: [
    notBeforeDate('PERIOD_NOT_ENDED', { sv: 'Utgången', en: 'The expiry' }, (_, d) => d.expiredOn),
    (f) =>
      f.notice === null
        ? none
        : violation(
            'NOTICE_PENDING',
            'Överenskommelsen är uppsagd och upphör genom uppsägningen.',
            'The agreement is under notice: it ends by termination.',
          ),
  ],
};

export function violations(facts: CaseFacts, event: CaseEvent): Violation[] {
  const rules = caseRules[event.type] as Rule<CaseEventType>[];
  const today = stockholmDate(event.data.at);
  return rules.flatMap((rule) => rule(facts, event.data as never, today));
}
