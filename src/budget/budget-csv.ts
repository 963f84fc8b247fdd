import { toKronorString, type Ore } from '../money';
import { csvField } from '../shared/csv';
import type { Budget, BudgetAmounts, BudgetSum } from './budget';

/**
 * The budget as a file a Swedish spreadsheet opens as it is (Excel or LibreOffice in a Swedish
 * locale): UTF-8 with a byte order mark (so å, ä, ö read right), fields separated by semicolons,
 * rows by CRLF, amounts in kronor with a decimal comma and no thousands separator or unit
 * ("105574,40", "-1200,00") so they are numbers to sum. Text fields are neutralised against formula
 * injection (src/shared/csv). One row per case, then the sums per body, per organisation, of the
 * cases not yet decided, and of all commitments: the same figures as the JSON.
 */

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const BYTE_ORDER_MARK = '\uFEFF';

const HEADINGS = [
  'Rad',
  'Beslutande organ',
  'Organkod',
  'Organisation',
  'Organisationsnummer',
  'Diarienummer',
  'Antal ärenden',
  'Planerat (kr)',
  'Betalt (kr)',
  'Kvar att betala (kr)',
  'Överbetalt (kr)',
];

const NOT_YET_DECIDED = 'Ej beslutat';

/** "105574,40": kronor as a Swedish spreadsheet reads a number. */
export const spreadsheetKronor = (amount: Ore): string => toKronorString(amount).replace('.', ',');

const amounts = ({ planned, paid, outstanding, overpaid }: BudgetAmounts) => [planned, paid, outstanding, overpaid].map(spreadsheetKronor);

/** A row: text fields neutralised, the count and the amounts as numbers (made here, so never a formula). */
const row = (texts: string[], sum: BudgetSum) => [...texts.map((text) => csvField(text, ';')), String(sum.cases), ...amounts(sum)].join(';');

export function budgetCsv(budget: Budget): string {
  const rows = [
    HEADINGS.map((heading) => csvField(heading, ';')).join(';'),
    ...budget.cases.map((c) =>
      row(['Ärende', c.body?.name ?? NOT_YET_DECIDED, c.body?.code ?? '', c.organisation.name, c.organisation.organisationNumber, c.diarienummer ?? ''], {
        cases: 1,
        ...c,
      }),
    ),
    ...budget.bodies.map((b) => row(['Summa per organ', b.body.name, b.body.code, '', '', ''], b)),
    ...budget.organisations.map((o) => row(['Summa per organisation', '', '', o.organisation.name, o.organisation.organisationNumber, ''], o)),
    row(['Summa ej beslutat', NOT_YET_DECIDED, '', '', '', ''], budget.notYetDecided),
    row([`Summa åtaganden ${budget.year}`, '', '', '', '', ''], budget.total),
  ];
  return BYTE_ORDER_MARK + rows.join('\r\n') + '\r\n';
}
