import { add, type Ore } from '../money';
import { normaliseOrganisationNumber, paymentPlan, type CaseFacts, type DecidingBody, type IndexSeriesLookup, type PlanYear } from '../lifecycle';

/**
 * The budget of a year: what the municipality's agreements commit it to, per deciding body and per
 * organisation. Each case's figures are its payment plan's year — the plan `GET /cases/:id` shows,
 * computed by the same function with the same index values — so the budget is only their sums.
 *
 * Which cases count: a case whose agreement a body approved (its last `approved` decision names the
 * body) is a commitment, also before it is signed or while an appeal is pending, and also once it
 * was terminated or expired (its plan says what its years owe). A case with terms that no body has
 * decided on yet, and that is still open, is listed as not yet decided: summed apart, never in the
 * commitments. A case closed without an agreement (withdrawn, ineligible, rejected, quashed) is left out.
 */

export interface BudgetAmounts {
  /** The plan's lines for the year. */
  readonly planned: Ore;
  readonly paid: Ore;
  readonly outstanding: Ore;
  /** Paid beyond the plan (to reclaim or to count against a later year). */
  readonly overpaid: Ore;
}

export interface BudgetOrganisation {
  readonly name: string;
  readonly organisationNumber: string;
}

export interface BudgetCase extends BudgetAmounts {
  readonly caseId: string;
  readonly diarienummer: string | null;
  /** The body whose decision approved the agreement; null while no body has decided. */
  readonly body: DecidingBody | null;
  readonly organisation: BudgetOrganisation;
}

export interface BudgetSum extends BudgetAmounts {
  readonly cases: number;
}

export interface BodyBudget extends BudgetSum {
  readonly body: DecidingBody;
}

export interface OrganisationBudget extends BudgetSum {
  readonly organisation: BudgetOrganisation;
}

export interface Budget {
  readonly year: number;
  /** The commitments: cases a body decided on. */
  readonly total: BudgetSum;
  readonly bodies: BodyBudget[];
  readonly organisations: OrganisationBudget[];
  /** Open cases with terms no body has decided on yet: what may come, summed apart. */
  readonly notYetDecided: BudgetSum;
  /** Every case of the year, commitments first (by body, then diarienummer), then those not yet decided. */
  readonly cases: BudgetCase[];
}

const NO_AGREEMENT: readonly NonNullable<CaseFacts['closed']>['as'][] = ['withdrawn', 'ineligible', 'rejected', 'quashed'];

/** Whether a case belongs in a budget at all: it has terms and was not closed without an agreement. */
export function mayCommit(facts: CaseFacts): boolean {
  return facts.agreedTerms !== null && !(facts.closed && NO_AGREEMENT.includes(facts.closed.as));
}

/** The body that approved the agreement; null while none has (a case closed before one did is not asked). */
function approvingBody(facts: CaseFacts): DecidingBody | null {
  return facts.decisions.filter((decision) => decision.outcome === 'approved').at(-1)?.body ?? null;
}

/** The case's line of the year's budget, from its payment plan; undefined when the plan has no such year or the case commits nothing. */
export function budgetCase(caseId: string, facts: CaseFacts, year: number, index: IndexSeriesLookup): BudgetCase | undefined {
  if (!mayCommit(facts)) return undefined;
  const planYear = paymentPlan(facts, index).years.find((y) => y.year === year);
  const body = approvingBody(facts);
  if (!planYear || (body === null && facts.closed !== null)) return undefined;
  const organisation = facts.organisation ?? { name: '', organisationNumber: '' };
  return {
    caseId,
    diarienummer: facts.diarienummer,
    body,
    organisation: {
      name: organisation.name,
      organisationNumber: normaliseOrganisationNumber(organisation.organisationNumber) ?? organisation.organisationNumber,
    },
    ...amountsOf(planYear),
  };
}

const amountsOf = ({ planned, paid, outstanding, overpaid }: PlanYear): BudgetAmounts => ({ planned, paid, outstanding, overpaid });

/** The sums of the cases' lines. */
export function sumOf(cases: readonly BudgetAmounts[]): BudgetSum {
  const sum = (pick: (c: BudgetAmounts) => Ore) => add(...cases.map(pick));
  return {
    cases: cases.length,
    planned: sum((c) => c.planned),
    paid: sum((c) => c.paid),
    outstanding: sum((c) => c.outstanding),
    overpaid: sum((c) => c.overpaid),
  };
}

function groupBy<K>(cases: readonly BudgetCase[], keyOf: (c: BudgetCase) => string, valueOf: (c: BudgetCase) => K): [K, BudgetSum][] {
  const groups = new Map<string, BudgetCase[]>();
  for (const c of cases) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([, members]) => [valueOf(members[0]), sumOf(members)]);
}

/** The year's budget from its cases' lines. */
export function budgetOf(year: number, lines: readonly BudgetCase[]): Budget {
  const byBody = (a: BudgetCase, b: BudgetCase) =>
    (a.body?.code ?? '').localeCompare(b.body?.code ?? '', 'sv') || (a.diarienummer ?? '').localeCompare(b.diarienummer ?? '', 'sv');
  const decided = lines.filter((c) => c.body !== null).sort(byBody);
  const pending = lines.filter((c) => c.body === null).sort(byBody);
  return {
    year,
    total: sumOf(decided),
    bodies: groupBy(
      decided,
      (c) => c.body!.code,
      (c) => c.body!,
    ).map(([body, sum]) => ({ body, ...sum })),
    organisations: groupBy(
      decided,
      (c) => `${c.organisation.name}\u0000${c.organisation.organisationNumber}`,
      (c) => c.organisation,
    ).map(([organisation, sum]) => ({ organisation, ...sum })),
    notYetDecided: sumOf(pending),
    cases: [...decided, ...pending],
  };
}
