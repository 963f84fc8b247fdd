import { addDays, yearOf, type IsoDate } from '../../calendar';
import type { CaseEventType, EventData } from '../case.events';
import type { CaseFacts } from '../case.facts';
import type { DateRange, Terms } from '../case.values';
import { isValidOrganisationNumber } from '../organisation-number';

/** A broken rule: the rule's name, and what is wrong for officials (sv) and for developers (en). */
export interface Violation {
  rule: string;
  sv: string;
  en: string;
}

export interface Message {
  sv: string;
  en: string;
}

/**
 * A named rule of one event: `check` lists how the event breaks it (nothing when it holds; one
 * message per breach, e.g. per negative amount). `today` is the Stockholm date of the event's `at`.
 * The machine's `rulesHold` guard runs a command's rules; errors, tests and docs cite the name.
 */
export interface Rule<T extends CaseEventType> {
  readonly name: string;
  /**
   * The machine versions that hold the rule: from `since` (default 1) up to `until` (default: all
   * later ones). A rule that would refuse an event an older version accepted comes with a new
   * machine version, so that streams written under the old one still replay (case.machine.ts).
   */
  readonly since?: number;
  readonly until?: number;
  check(facts: CaseFacts, data: EventData<T>, today: IsoDate): readonly Message[];
}

/** Whether machine `version` holds the rule. */
export const heldUnder = (rule: Pick<Rule<CaseEventType>, 'since' | 'until'>, version: number): boolean =>
  (rule.since ?? 1) <= version && version <= (rule.until ?? Number.POSITIVE_INFINITY);

/** The rule from machine `version` on. */
export const since = <T extends CaseEventType>(version: number, rule: Rule<T>): Rule<T> => ({ ...rule, since: version });
/** The rule up to machine `version` (a later version replaced it). */
export const until = <T extends CaseEventType>(version: number, rule: Rule<T>): Rule<T> => ({ ...rule, until: version });

export const rule = <T extends CaseEventType>(name: string, check: (facts: CaseFacts, data: EventData<T>, today: IsoDate) => readonly Message[]): Rule<T> => ({
  name,
  check,
});

/** One message when `broken`, none otherwise. */
export const unless = (holds: boolean, sv: string, en: string): Message[] => (holds ? [] : [{ sv, en }]);

/** `later` must not be before `earlier` (skipped while `earlier` is unknown). */
export function inOrder<T extends CaseEventType>(
  name: string,
  pick: (facts: CaseFacts, data: EventData<T>, today: IsoDate) => { earlier: IsoDate | null; later: IsoDate },
  sv: (earlier: IsoDate, later: IsoDate) => string,
  en: (earlier: IsoDate, later: IsoDate) => string,
): Rule<T> {
  return rule(name, (facts, data, today) => {
    const { earlier, later } = pick(facts, data, today);
    return earlier !== null && later < earlier ? [{ sv: sv(earlier, later), en: en(earlier, later) }] : [];
  });
}

/** Recorded facts happened: their date (when there is one) cannot be after the day the command is given. */
export const notInFuture = <T extends CaseEventType>(date: (data: EventData<T>) => IsoDate | null): Rule<T> =>
  inOrder<T>(
    'DATE_IN_FUTURE',
    (_, data, today) => ({ earlier: date(data), later: today }),
    (d) => `Datumet ${d} ligger i framtiden.`,
    (d) => `The date ${d} is in the future.`,
  );

/** Commands the deadline engine fires on time are refused before their date. */
export const notBeforeDate = <T extends CaseEventType>(name: string, what: Message, date: (facts: CaseFacts, data: EventData<T>) => IsoDate | null): Rule<T> =>
  inOrder<T>(
    name,
    (facts, data, today) => ({ earlier: date(facts, data), later: today }),
    (d) => `${what.sv} kan registreras först ${d}.`,
    (d) => `${what.en} cannot be recorded before ${d}.`,
  );

/**
 * Termination and expiry: the agreement is in force up to and including its last day (the day the
 * notice takes effect, or the period's end), so it ends the day after, as the timers act.
 */
export const afterLastDayInForce = <T extends CaseEventType>(what: Message, lastDay: (facts: CaseFacts, data: EventData<T>) => IsoDate): Rule<T> =>
  rule('AGREEMENT_STILL_IN_FORCE', (facts, data, today) => {
    const last = lastDay(facts, data);
    const from = addDays(last, 1);
    return unless(
      today > last,
      `Överenskommelsen gäller till och med ${last}; ${what.sv.toLowerCase()} kan registreras först ${from}.`,
      `The agreement is in force up to and including ${last}; ${what.en.toLowerCase()} cannot be recorded before ${from}.`,
    );
  });

export const notBeforeReceived = <T extends CaseEventType>(date: (data: EventData<T>) => IsoDate): Rule<T> =>
  inOrder<T>(
    'DATE_BEFORE_RECEIVED',
    (facts, data) => ({ earlier: facts.receivedOn, later: date(data) }),
    (e, l) => `Datumet ${l} ligger före ansökan kom in (${e}).`,
    (e, l) => `The date ${l} is before the application was received (${e}).`,
  );

/** Each party's organisation number has ten digits and a valid check digit; `who` names the party. */
export const organisationNumbersValid = <T extends CaseEventType>(
  parties: (data: EventData<T>) => Array<{ organisationNumber: string; who: string }>,
): Rule<T> =>
  rule('ORGANISATION_NUMBER_INVALID', (_, data) =>
    parties(data).flatMap(({ organisationNumber, who }) =>
      unless(
        isValidOrganisationNumber(organisationNumber),
        `Organisationsnumret ${organisationNumber} (${who}) är inte giltigt: tio siffror med korrekt kontrollsiffra krävs.`,
        `Organisation number ${organisationNumber} (${who}) is invalid: ten digits with a valid Luhn check digit are required.`,
      ),
    ),
  );

/** Amounts (with the field each is from) are not negative. */
export const amountsNotNegative = <T extends CaseEventType>(amounts: (data: EventData<T>) => Array<[number, string]>): Rule<T> =>
  rule('AMOUNT_NEGATIVE', (_, data) =>
    amounts(data).flatMap(([amount, what]) => unless(amount >= 0, `${what} får inte vara negativt (${amount}).`, `${what} must not be negative (${amount}).`)),
  );

export const periodInOrder = <T extends CaseEventType>(period: (data: EventData<T>) => DateRange): Rule<T> =>
  rule('PERIOD_NOT_IN_ORDER', (_, data) => {
    const { start, end } = period(data);
    return unless(start < end, `Perioden måste börja före sitt slut (${start}–${end}).`, `The period must start before it ends (${start} to ${end}).`);
  });

/**
 * Terms are sound: no negative amounts, a period in order, a notice period of zero months or more,
 * at least one funding line, each named once, each own contribution valued one way.
 */
export function termsValid<T extends CaseEventType>(terms: (data: EventData<T>) => Terms): Rule<T>[] {
  return [
    amountsNotNegative((data) => termAmounts(terms(data))),
    periodInOrder((data) => terms(data).period),
    rule('NOTICE_MONTHS_NEGATIVE', (_, data) =>
      unless(terms(data).noticeMonths >= 0, 'Uppsägningstiden får inte vara negativ.', 'The notice period must not be negative.'),
    ),
    rule('FUNDING_LINES_MISSING', (_, data) =>
      unless(terms(data).fundingLines.length > 0, 'Villkoren måste ha minst en finansieringsrad.', 'The terms must have at least one funding line.'),
    ),
    rule('FUNDING_LINE_ID_REPEATED', (_, data) =>
      repeated(terms(data).fundingLines.map((line) => line.id)).flatMap((id) =>
        unless(false, `Finansieringsraden ${id} förekommer mer än en gång.`, `The funding line ${id} appears more than once.`),
      ),
    ),
    rule('OWN_CONTRIBUTION_VALUE', (_, data) =>
      terms(data)
        .fundingLines.filter((line) => line.kind === 'ownContribution')
        .flatMap((line) =>
          unless(
            (line.statedValue === null) === (line.hourlyValue !== null && line.hours !== null) && (line.statedValue !== null || line.hourlyValue !== null),
            `Den egna insatsen ${line.id} värderas antingen som timmar × timvärde eller som ett angivet värde, inte båda.`,
            `The own contribution ${line.id} is valued either as hours × an hourly value or as a stated value, not both.`,
          ),
        ),
    ),
  ];
}

function repeated(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function termAmounts({ fundingLines }: Terms): Array<[number, string]> {
  return fundingLines.flatMap((line): Array<[number, string]> => {
    const at = (field: string) => `fundingLines[${line.id}].${field}`;
    if (line.kind === 'fixed') return [[line.amountPerYear, at('amountPerYear')]];
    if (line.kind === 'perInhabitant') {
      return [
        [line.ratePerInhabitant, at('ratePerInhabitant')],
        [line.inhabitants.count, at('inhabitants.count')],
      ];
    }
    return [
      [line.hours ?? 0, at('hours')],
      [line.hourlyValue ?? 0, at('hourlyValue')],
      [line.statedValue ?? 0, at('statedValue')],
    ];
  });
}

export const yearWithinPeriod = <T extends CaseEventType>(year: (data: EventData<T>) => number): Rule<T> =>
  rule('YEAR_OUTSIDE_PERIOD', (facts, data) => {
    const period = agreementPeriod(facts);
    const y = year(data);
    return unless(
      y >= yearOf(period.start) && y <= yearOf(period.end),
      `År ${y} ligger utanför överenskommelsens period (${period.start}–${period.end}).`,
      `Year ${y} is outside the agreement period (${period.start} to ${period.end}).`,
    );
  });

/** The agreed period: known in every state where the agreement's commands are possible. */
export function agreementPeriod(facts: CaseFacts): DateRange {
  if (facts.terms === null) throw new Error('Lifecycle invariant broken: an active case has terms');
  return facts.terms.period;
}
