import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { onlyOwnOrganisation } from '../auth/organisation-scope';
import { addDays, stockholmDate } from '../calendar';
import { toSummary } from '../cases/list-cases/list-cases.handler';
import { Database } from '../database/database';
import { statusOf } from '../deadlines';
import { caseMachine, COMMAND_TYPES, issuingRoles, type CommandType, type Label } from '../lifecycle';
import { Clock } from '../shared/clock';
import type { MyDeadlineCountsDto, StageCountDto, WorklistDto, WorklistItemDto, WorklistQueryDto } from './worklist.dto';

/**
 * Commands a state accepts that a case never waits for: they may be given at any time (a withdrawal,
 * a notice, an amendment, a renewal) or answer something from outside (an appeal). Assigning an
 * officer is waited for only while the case has none.
 */
const OPTIONAL: ReadonlySet<CommandType> = new Set([
  'assign-officer',
  'withdraw',
  'close-ineligible',
  'amend-terms',
  'start-renewal',
  'give-notice',
  'lodge-appeal',
  'claim-repayment',
]);

const UPCOMING_DAYS = 14;

/**
 * "Waiting on me": open cases whose state accepts a command the caller's roles may give, from the
 * case list's read model (which keeps each case's accepted commands), with each case's next
 * deadline from the deadlines' read model; the stages' counts; the caller's own deadlines.
 */
@Injectable()
export class Worklist {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async of(actor: Actor, query: WorklistQueryDto): Promise<WorklistDto> {
    const today = stockholmDate(this.clock.now().toISOString());
    const [waiting, stages, deadlines] = await Promise.all([this.waiting(actor, query, today), this.stages(actor), this.myDeadlines(actor, today)]);
    return { today, ...waiting, limit: query.limit, offset: query.offset, stages, deadlines };
  }

  private async waiting(actor: Actor, query: WorklistQueryDto, today: string): Promise<{ items: WorklistItemDto[]; total: number }> {
    const mine = COMMAND_TYPES.filter((type) => issuingRoles(type, actor).length > 0);
    const waitedFor = mine.filter((type) => !OPTIONAL.has(type));
    const mayAssign = mine.includes('assign-officer');
    const values: unknown[] = [actor.tenant, waitedFor, mayAssign];
    const conditions = ['s.tenant = $1', 'NOT s.closed', `(s.commands && $2::text[] OR ($3 AND s.officer_id IS NULL AND 'assign-officer' = ANY (s.commands)))`];
    const where = (sql: (n: string) => string, value: unknown) => {
      values.push(value);
      conditions.push(sql(`$${values.length}`));
    };
    const ownOrganisation = onlyOwnOrganisation(actor);
    if (ownOrganisation !== undefined) where((n) => `s.organisation_number = ${n}`, ownOrganisation);
    if (query.mine) where((n) => `s.officer_id = ${n}`, actor.id);
    const whereSql = conditions.join(' AND ');
    const [{ rows }, count] = await Promise.all([
      this.db.pool.query(
        `SELECT s.*, s.received_on::text AS received_on, d.due_on::text AS next_due_on, d.label AS next_label, d.kind AS next_kind
         FROM case_summaries s
         LEFT JOIN LATERAL (
           SELECT due_on, label, kind FROM case_deadlines cd
           WHERE cd.tenant = s.tenant AND cd.case_id = s.case_id AND NOT cd.met ORDER BY due_on, key LIMIT 1
         ) d ON true
         WHERE ${whereSql} ORDER BY d.due_on NULLS LAST, s.updated_at DESC, s.case_id LIMIT ${query.limit} OFFSET ${query.offset}`,
        values,
      ),
      this.db.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM case_summaries s WHERE ${whereSql}`, values),
    ]);
    const items = rows.map((row) => {
      const accepted = new Set<string>(row.commands);
      return {
        ...toSummary(row),
        // Of the optional commands, only assigning an officer is waited for, and only while the case has none.
        commands: mine.filter((type) => accepted.has(type) && (waitedFor.includes(type) || (type === 'assign-officer' && row.officer_id === null))),
        assignedToMe: row.officer_id === actor.id,
        reassignable: mayAssign && accepted.has('assign-officer'),
        nextDeadline: row.next_due_on
          ? { date: row.next_due_on, label: row.next_label, status: statusOf({ date: row.next_due_on, met: false, kind: row.next_kind }, today) }
          : null,
      };
    });
    return { items, total: count.rows[0].total };
  }

  private async stages(actor: Actor): Promise<StageCountDto[]> {
    const ownOrganisation = onlyOwnOrganisation(actor);
    const { rows } = await this.db.pool.query<{ stage: string; count: number }>(
      `SELECT split_part(state_paths[1], '.', 1) AS stage, count(*)::int AS count FROM case_summaries
       WHERE tenant = $1 AND NOT closed AND ($2::text IS NULL OR organisation_number = $2) GROUP BY 1`,
      [actor.tenant, ownOrganisation ?? null],
    );
    const counts = new Map(rows.map((row) => [row.stage, row.count]));
    return Object.entries(caseMachine.root.states)
      .filter(([stage]) => counts.has(stage))
      .map(([stage, node]) => ({ stage, label: (node.meta as { label: Label }).label, count: counts.get(stage) ?? 0 }));
  }

  /** An official's deadlines are those of the cases they are the officer of; a representative's, its organisation's. */
  private async myDeadlines(actor: Actor, today: string): Promise<MyDeadlineCountsDto> {
    const ownOrganisation = onlyOwnOrganisation(actor);
    const { rows } = await this.db.pool.query<Omit<MyDeadlineCountsDto, 'upcomingDays'>>(
      `SELECT count(*) FILTER (WHERE due_on < $2)::int AS overdue,
              count(*) FILTER (WHERE due_on = $2)::int AS "dueToday",
              count(*) FILTER (WHERE due_on > $2 AND due_on <= $3)::int AS upcoming
       FROM case_deadlines WHERE tenant = $1 AND NOT met AND due_on <= $3
         AND ${ownOrganisation === undefined ? 'officer_id = $4' : 'organisation_number = $4'}`,
      [actor.tenant, today, addDays(today, UPCOMING_DAYS), ownOrganisation ?? actor.id],
    );
    return { ...rows[0], upcomingDays: UPCOMING_DAYS };
  }
}
