import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvalidInput } from '../../../shared/engine-error';
import { Database } from '../../../database/database';
import { addDays, daysInclusive, isIsoDate, stockholmDate } from '../../../calendar';
import { Clock } from '../../../shared/clock';
import { readDeadlines, visibleTo } from './deadline-rows';
import { MAX_RANGE_DAYS, type DeadlineListDto } from './list-deadlines.dto';
import { ListDeadlinesQuery } from './list-deadlines.query';

const DEFAULT_RANGE_DAYS = 90;

/** Deadlines across the caller's tenant's cases, from the case-deadlines projection. */
@QueryHandler(ListDeadlinesQuery)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlinesQuery> {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, filters }: ListDeadlinesQuery): Promise<DeadlineListDto> {
    const today = stockholmDate(this.clock.now().toISOString());
    const from = filters.from ?? today;
    const to = filters.to ?? (isIsoDate(from) ? addDays(from, DEFAULT_RANGE_DAYS) : today);
    assertRange(from, to);
    const { items, total } = await readDeadlines(
      this.db.pool,
      { ...visibleTo(actor), ...(filters.mine && { officerId: actor.id }), from, to, kind: filters.kind, status: filters.status },
      today,
      {
        limit: filters.limit,
        offset: filters.offset,
      },
    );
    return { from, to, today, items: items.map(({ organisationNumber: _, ...item }) => item), total, limit: filters.limit, offset: filters.offset };
  }
}

function assertRange(from: string, to: string): void {
  const notDates = [
    ['from', from],
    ['to', to],
  ]
    .filter(([, value]) => !isIsoDate(value))
    .map(([name]) => name);
  if (notDates.length > 0) throw new InvalidInput('INVALID_DATE_RANGE', `${notDates.join(' and ')} must be a date (YYYY-MM-DD).`, { from, to });
  if (from > to) throw new InvalidInput('INVALID_DATE_RANGE', `from (${from}) is after to (${to}).`, { from, to });
  const days = daysInclusive(from, to);
  if (days > MAX_RANGE_DAYS)
    throw new InvalidInput('INVALID_DATE_RANGE', `The range is ${days} days; at most ${MAX_RANGE_DAYS} per request.`, { from, to, maxDays: MAX_RANGE_DAYS });
}
