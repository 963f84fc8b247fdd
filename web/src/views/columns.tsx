import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import type { Schemas } from '../api/client';
import { formatDate, formatDateTime, type Lang } from '../i18n/format';
import { useT } from '../i18n/i18n';
import type { Catalogue } from '../i18n/sv';
import type { ViewColumn } from './SavedViews';

type CaseSummary = Schemas['CaseSummaryDto'];

/** The case list's columns after the first (the diarienummer, which names each row), in the order shown. */
export const OPTIONAL_COLUMNS: readonly ViewColumn[] = [
  'organisationName',
  'organisationNumber',
  'stateLabel',
  'bodyCode',
  'officerName',
  'receivedOn',
  'updatedAt',
];
export const DEFAULT_COLUMNS: readonly ViewColumn[] = ['diarienummer', 'organisationName', 'stateLabel', 'officerName', 'receivedOn', 'updatedAt'];

/** A column's cell for a case. */
export function cellOf(column: ViewColumn, item: CaseSummary, lang: Lang, t: Catalogue): string {
  switch (column) {
    case 'diarienummer':
      return item.diarienummer ?? t.cases.noDiarienummer;
    case 'organisationName':
      return item.organisationName ?? '–';
    case 'organisationNumber':
      return item.organisationNumber ?? '–';
    case 'stateLabel':
      return item.stateLabel[lang];
    case 'bodyCode':
      return item.bodyCode ?? '–';
    case 'officerName':
      return item.officerName ?? '–';
    case 'receivedOn':
      return item.receivedOn ? formatDate(item.receivedOn, lang) : '–';
    case 'updatedAt':
      return formatDateTime(item.updatedAt, lang);
  }
}

/** Columns in the URL: `kolumner=organisationName,stateLabel` (the diarienummer is always shown). */
export function columnsOf(param: string | null): ViewColumn[] {
  if (param === null) return [...DEFAULT_COLUMNS];
  const chosen = param.split(',').filter((c): c is ViewColumn => (OPTIONAL_COLUMNS as string[]).includes(c));
  return ['diarienummer', ...OPTIONAL_COLUMNS.filter((c) => chosen.includes(c))];
}

export function ColumnChooser({ columns, onChange }: { columns: ViewColumn[]; onChange: (columns: ViewColumn[]) => void }) {
  const t = useT();
  return (
    <CheckboxGroup
      value={columns.filter((c) => c !== 'diarienummer')}
      onChange={(chosen) => onChange(['diarienummer', ...OPTIONAL_COLUMNS.filter((c) => chosen.includes(c))])}
      className="choice-group inline"
    >
      <Label>{t.views.columns}</Label>
      {OPTIONAL_COLUMNS.map((column) => (
        <Checkbox key={column} value={column} className="choice">
          {t.columns[column]}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
