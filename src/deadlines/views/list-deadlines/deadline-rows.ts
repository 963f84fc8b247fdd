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

/** Reads the case-deadlines read model, by date, then case and key; statuses relative to `today`. */
export async function readDeadlines(
  pool: Pool,
  filter: DeadlineFilter,
  today: IsoDate,
  page?: { limit: number; offset: number },
): Promise<{ items: CaseDeadlineRow[]; total: number }> {
  const conditions: string[] = [];
  const values: unknown[] = [];
  // `$v` in a condition stands for its value; a condition without one takes none.
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
  const whereSql = conditions.join(' AND ');
  const paging = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const [{ rows }, count] = await Promise.all([
    pool.query(
      `SELECT case_id, key, kind, due_on::text AS due_on, rule, label, explanation_sv, explanation_en, met, diarienummer, organisation_name, organisation_number
       FROM case_deadlines WHERE ${whereSql} ORDER BY case_deadlines.due_on, case_deadlines.case_id, case_deadlines.key${paging}`,
      values,
    ),
    pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM case_deadlines WHERE ${whereSql}`, values),
  ]);
  return {
    items: rows.map((row) => ({
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
    })),
    total: count.rows[0].total,
  };
}
