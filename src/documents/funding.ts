import { NO_INDEX_VALUES, ownValue, paymentPlan, type CaseFacts, type FundingLine, type Indexation, type Terms } from '../lifecycle';
import { formatCount, formatSwedish, times, type Ore } from '../money';

/** An amount as the documents write it, to the öre: "105 574,40 kr". */
export const amountText = (amount: Ore): string => formatSwedish(amount);

const PAYMENT_SCHEDULE_TEXT: Record<Terms['paymentSchedule'], string> = {
  'yearly-in-january': 'Utbetalas årligen, senast den 31 januari.',
  'on-invoice': 'Utbetalas efter fakturering från organisationen.',
};

const indexed = (indexation: Indexation | null) => (indexation ? `; räknas upp med ${indexation.index} från och med ${indexation.from}` : '');

function lineText(line: FundingLine): string {
  switch (line.kind) {
    case 'fixed':
      return `${amountText(line.amountPerYear)} per år${indexed(line.indexation)}`;
    case 'perInhabitant': {
      const { count, asOf } = line.inhabitants;
      const rate = line.ratePerInhabitant;
      return `${amountText(rate)} per invånare × ${formatCount(count, 'sv')} invånare${asOf ? ` (${asOf})` : ''} = ${amountText(times(rate, count))} per år${indexed(line.indexation)}`;
    }
    case 'ownContribution': {
      const hours =
        line.hours === null
          ? []
          : [`${formatCount(line.hours, 'sv')} ideellt arbetade timmar${line.hourlyValue === null ? '' : ` à ${amountText(line.hourlyValue)}`}`];
      return ['Organisationens egen insats', ...hours, `värderad till ${amountText(ownValue(line).amount)} per år`].join(', ');
    }
  }
}

/**
 * The agreement's money, the one place documents render it: each funding line (the municipality's
 * grants, the organisation's own contribution) with its arithmetic and indexing, and how it is paid.
 */
export function fundingRows(terms: Terms): [string, string][] {
  return [...terms.fundingLines.map((line): [string, string] => [line.label, lineText(line)]), ['Utbetalning', PAYMENT_SCHEDULE_TEXT[terms.paymentSchedule]]];
}

/**
 * The payment plan, year by year, as the agreement states it: before indexing, for the index
 * values of later years are not known when it is signed (the plan in the case follows them).
 */
export function paymentPlanItems(facts: CaseFacts): string[] {
  return paymentPlan(facts, NO_INDEX_VALUES).years.flatMap((year) => [
    ...year.lines.map((line) => `${year.year}: ${line.label}, ${amountText(line.amount.amount)}${line.dueOn ? `, senast ${line.dueOn}` : ', efter faktura'}`),
    ...(year.ownContribution.length > 0 ? [`${year.year}: överenskommelsens värde med organisationens egen insats, ${amountText(year.value.amount)}`] : []),
  ]);
}
