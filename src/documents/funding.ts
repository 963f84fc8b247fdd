import { formatCount, formatSwedish, kronor } from '../money';
import type { Terms } from '../lifecycle';

/** An amount of the case's facts as the documents write it: "472 200,00 kr". */
export function amountText(amount: number): string {
  return formatSwedish(kronor(amount));
}

const PAYMENT_SCHEDULE_TEXT: Record<Terms['paymentSchedule'], string> = {
  'yearly-in-january': 'Utbetalas årligen i januari.',
  'on-invoice': 'Utbetalas efter fakturering från organisationen.',
};

/**
 * The agreement's money, the one place documents render it: funding, the organisation's own
 * contribution, indexing and how it is paid, as label–value rows.
 */
export function fundingRows(terms: Terms): [string, string][] {
  const { funding, volunteerContribution, indexation } = terms;
  const yearly =
    funding.kind === 'fixed'
      ? amountText(funding.amountPerYear)
      : `${amountText(funding.amountPerInhabitant)} per invånare × ${formatCount(funding.inhabitants, 'sv')} invånare = ${amountText(funding.amountPerInhabitant * funding.inhabitants)}`;
  return [
    ['Kommunens ersättning per år', yearly],
    ...(volunteerContribution
      ? [
          [
            'Organisationens egen insats',
            `${formatCount(volunteerContribution.hours, 'sv')} ideellt arbetade timmar, värderade till ${amountText(volunteerContribution.valueKr)} per år`,
          ] as [string, string],
        ]
      : []),
    ...(indexation ? [['Indexering', `Ersättningen räknas upp med ${indexation.index} från och med ${indexation.from}.`] as [string, string]] : []),
    ['Utbetalning', PAYMENT_SCHEDULE_TEXT[terms.paymentSchedule]],
  ];
}
