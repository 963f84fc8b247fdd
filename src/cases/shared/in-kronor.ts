import type { CaseFacts, FundingLine, Terms } from '../../lifecycle';
import { toKronorString, type InKronor, type Ore } from '../../money';

/**
 * Amounts leave the engine as the API's kronor strings ("105574.40"); inside they are öre. The
 * return types ({@link InKronor}) make the compiler check that no amount is left in öre.
 */

const kr = (amount: Ore): string => toKronorString(amount);
const krOrNull = (amount: Ore | null): string | null => (amount === null ? null : kr(amount));

export function lineInKronor(line: FundingLine): InKronor<FundingLine> {
  switch (line.kind) {
    case 'fixed':
      return { ...line, amountPerYear: kr(line.amountPerYear) };
    case 'perInhabitant':
      return { ...line, ratePerInhabitant: kr(line.ratePerInhabitant) };
    case 'ownContribution':
      return { ...line, hourlyValue: krOrNull(line.hourlyValue), statedValue: krOrNull(line.statedValue) };
  }
}

export function termsInKronor(terms: Terms): InKronor<Terms> {
  return { ...terms, fundingLines: terms.fundingLines.map(lineInKronor) };
}

const termsOrNull = (terms: Terms | null): InKronor<Terms> | null => (terms === null ? null : termsInKronor(terms));

/** A case's facts as `GET /cases/:id` gives them. */
export function factsInKronor(facts: CaseFacts): InKronor<CaseFacts> {
  return {
    ...facts,
    terms: termsOrNull(facts.terms),
    agreedTerms: termsOrNull(facts.agreedTerms),
    payments: facts.payments.map((payment) => ({ ...payment, amount: kr(payment.amount) })),
    annualReports: facts.annualReports.map((report) => ({ ...report, fundsUsed: kr(report.fundsUsed) })),
    repaymentClaims: facts.repaymentClaims.map((claim) => ({ ...claim, amount: kr(claim.amount) })),
    amendments: facts.amendments.map((amendment) => ({ ...amendment, terms: termsInKronor(amendment.terms) })),
    refund: krOrNull(facts.refund),
  };
}

/**
 * A command's payload (öre) as a request body (kronor strings): what the demo data and tests send
 * through the API. Only the fields that carry amounts change.
 */
export function bodyInKronor(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...payload };
  if (payload.terms) body.terms = termsInKronor(payload.terms as Terms);
  for (const field of ['amount', 'fundsUsed'] as const) if (typeof payload[field] === 'number') body[field] = kr(payload[field] as Ore);
  return body;
}
