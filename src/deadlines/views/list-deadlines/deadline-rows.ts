import type { Pool } from 'pg';
import type { Actor } from '../../../auth/actor';
import { onlyOwnOrganisation } from '../../../auth/organisation-scope';
import { PASSING_KINDS, statusOf, type DeadlineKind, type DeadlineStatus } from '../..';
import type { IsoDate } from '../../../calendar';
import type { CaseDeadlineDto } from './list-deadlines.dto';

export interface DeadlineFilter {
  tenant: string;
  from?: IsoDate;
  to?: IsoDate;
  kind?: DeadlineKind;
  status?: DeadlineStatus;
  /** Only the cases of this organisation (an organisation's representative sees no others). */
  organisationNumber?: string;
  /** Only the cases this officer handles. */
  officerId?: string;
}

export interface CaseDeadlineRow extends CaseDeadlineDto {
  organisationNumber: string | null;
}

/** What a caller may see of `case_deadlines`: the whole tenant, or for organisation representatives their own cases. */
export function visibleTo(actor: Actor): Pick<DeadlineFilter, 'tenant' | 'organisationNumber'> {
  const organisationNumber = onlyOwnOrganisation(actor);
  return { tenant: actor.tenant, ...(organisationNumber !== undefined && { organisationNumber }) };
}

/** The kinds that pass, as an SQL list: constants of the code, not input. */
const PASSING = PASSING_KINDS.map((kind) => `'${kind}'`).join(', ');

/** Status in SQL, `$v` being today: the same answers as {@link statusOf}. */
const STATUS_SQL: Record<DeadlineStatus, string> = {
  met: 'met',
  overdue: `NOT met AND due_on < $v::date AND kind NOT IN (${PASSING})`,
  passed: `NOT met AND due_on < $v::date AND kind IN (${PASSING})`,
  'due-today': 'NOT met AND due_on = $v::date',
  upcoming: 'NOT met AND due_on > $v::date',
};

/** `due_on` comes out as text: ORDER BY names the table's column (case_deadlines.due_on), or it would sort the text, unindexed. */
const SELECT_ROWS = `SELECT case_id, key, kind, due_on::text AS due_on, rule, label, explanation_sv, explanation_en, met, diarienummer, organisation_name, organisation_number
  FROM case_deadlines`;

/** The filter as SQL conditions and their values; `$v` in a condition stands for its value, one without takes none. */
function whereOf(filter: DeadlineFilter, today: IsoDate): { conditions: string[]; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const where = (sql: string, value: unknown) => {
    if (sql.includes('$v')) values.push(value);
    conditions.push(sql.replaceAll('$v', `$${values.length}`));
  };
  where('tenant = $v', filter.tenant);
  if (filter.from) where('due_on >= $v', filter.from);
  if (filter.to) where('due_on <= $v', filter.to);
  if (filter.kind) where('kind = $v', filter.kind);
  if (filter.organisationNumber !== undefined) where('organisation_number = $v', filter.organisationNumber);
  if (filter.officerId !== undefined) where('officer_id = $v', filter.officerId);
  if (filter.status) where(`(${STATUS_SQL[filter.status]})`, today);
  return { conditions, values };
}

/** Reads the case-deadlines read model, by date, then case and key; statuses relative to `today`. */
export async function readDeadlines(
  pool: Pool,
  filter: DeadlineFilter,
  today: IsoDate,
  page?: { limit: number; offset: number },
): Promise<{ items: CaseDeadlineRow[]; total: number }> {
  const { conditions, values } = whereOf(filter, today);
  const whereSql = conditions.join(' AND ');
  const paging = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const [{ rows }, count] = await Promise.all([
    pool.query<DeadlineRecord>(`${SELECT_ROWS} WHERE ${whereSql} ORDER BY case_deadlines.due_on, case_id, key${paging}`, values),
    pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM case_deadlines WHERE ${whereSql}`, values),
  ]);
  return { items: rows.map((row) => deadlineRow(row, today)), total: count.rows[0].total };
}

/**
 * The matching deadlines a page at a time, by date (ascending, or descending for `order: 'desc'`),
 * then case and key, at most `max` in all. Each page is one indexed query that starts after the
 * last row of the one before (keyset paging), so a page costs the same however deep it is, and
 * the caller's work between pages gives the event loop back.
 */
export async function* deadlinePages(
  pool: Pool,
  filter: DeadlineFilter,
  today: IsoDate,
  options: { order: 'asc' | 'desc'; max: number; pageSize: number },
): AsyncGenerator<CaseDeadlineRow[]> {
  const { conditions, values } = whereOf(filter, today);
  const order = options.order === 'asc' ? 'ASC' : 'DESC';
  const comparison = options.order === 'asc' ? '>' : '<';
  let after: { date: string; caseId: string; key: string } | undefined;
  for (let left = options.max; left > 0;) {
    const keyset = after ? [`(due_on, case_id, key) ${comparison} ($${values.length + 1}::date, $${values.length + 2}::uuid, $${values.length + 3})`] : [];
    const limit = Math.min(left, options.pageSize);
    const { rows } = await pool.query<DeadlineRecord>(
      `${SELECT_ROWS} WHERE ${[...conditions, ...keyset].join(' AND ')} ORDER BY case_deadlines.due_on ${order}, case_id ${order}, key ${order} LIMIT ${limit}`,
      after ? [...values, after.date, after.caseId, after.key] : values,
    );
    if (rows.length === 0) return;
    const page = rows.map((row) => deadlineRow(row, today));
    yield page;
    const last = page[page.length - 1];
    after = { date: last.date, caseId: last.caseId, key: last.key };
    left -= page.length;
    if (rows.length < limit) return;
  }
}

interface DeadlineRecord {
  case_id: string;
  key: string;
  kind: DeadlineKind;
  due_on: IsoDate;
  rule: string;
  label: string;
  explanation_sv: string;
  explanation_en: string;
  met: boolean;
  diarienummer: string | null;
  organisation_name: string | null;
  organisation_number: string | null;
}

function deadlineRow(row: DeadlineRecord, today: IsoDate): CaseDeadlineRow {
  return {
    caseId: row.case_id,
    diarienummer: row.diarienummer,
    organisationName: row.organisation_name,
    organisationNumber: row.organisation_number,
    key: row.key,
    kind: row.kind,
    date: row.due_on,
    rule: row.rule,
    label: row.label,
    explanation: { sv: row.explanation_sv, en: row.explanation_en },
    status: statusOf({ date: row.due_on, met: row.met, kind: row.kind }, today),
  };
}
