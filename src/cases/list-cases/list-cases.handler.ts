import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { onlyOwnOrganisation } from '../../auth/organisation-scope';
import { Database } from '../../database/database';
import { normaliseOrganisationNumber } from '../../lifecycle';
import type { CaseListDto, CaseSort, CaseSummaryDto } from './list-cases.dto';
import { ListCasesQuery } from './list-cases.query';

const SORT_COLUMN: Record<CaseSort, string> = {
  updated: 'updated_at',
  diarienummer: 'diarienummer',
  organisation: 'organisation_name',
  received: 'received_on',
};

/** `q` as a LIKE pattern that matches it anywhere, its own % and _ taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Reads the case list projection: recent first, filtered; an organisation's representative sees its own cases only. */
@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(private readonly db: Database) {}

  async execute({ actor, filters }: ListCasesQuery): Promise<CaseListDto> {
    const ownOrganisation = onlyOwnOrganisation(actor);
    const conditions: string[] = ['tenant = $1'];
    const values: unknown[] = [actor.tenant];
    const where = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      conditions.push(sql(`$${values.length}`));
    };
    if (ownOrganisation !== undefined) where((n) => `organisation_number = ${n}`, ownOrganisation);
    if (filters.organisation) where((n) => `organisation_number = ${n}`, normaliseOrganisationNumber(filters.organisation));
    if (filters.q) where((n) => `(diarienummer ILIKE ${n} OR organisation_name ILIKE ${n} OR organisation_number LIKE ${n})`, containing(filters.q.trim()));
    if (filters.state) where((n) => `EXISTS (SELECT 1 FROM unnest(state_paths) p WHERE p = ${n} OR p LIKE ${n} || '.%')`, filters.state);
    if (filters.diarienummer) where((n) => `diarienummer = ${n}`, filters.diarienummer);
    if (filters.body) where((n) => `body_code = ${n}`, filters.body);
    if (filters.officer) where((n) => `officer_id = ${n}`, filters.officer);
    if (filters.closed !== undefined) where((n) => `closed = ${n}`, filters.closed);
    const whereSql = conditions.join(' AND ');
    const [{ rows }, count] = await Promise.all([
      this.db.pool.query(
        `SELECT *, received_on::text AS received_on FROM case_summaries WHERE ${whereSql} ORDER BY ${SORT_COLUMN[filters.sort]} ${filters.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, case_id LIMIT ${filters.limit} OFFSET ${filters.offset}`,
        values,
      ),
      this.db.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM case_summaries WHERE ${whereSql}`, values),
    ]);
    return { items: rows.map(toSummary), total: count.rows[0].total, limit: filters.limit, offset: filters.offset };
  }
}

export function toSummary(row: Record<string, never>): CaseSummaryDto {
  return {
    id: row.case_id,
    diarienummer: row.diarienummer,
    statePaths: row.state_paths,
    stateLabel: { sv: row.state_label_sv, en: row.state_label_en },
    closed: row.closed,
    organisationName: row.organisation_name,
    organisationNumber: row.organisation_number,
    bodyCode: row.body_code,
    officerName: row.officer_name,
    receivedOn: row.received_on,
    revision: row.revision,
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}
