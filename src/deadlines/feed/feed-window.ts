import type { Pool } from 'pg';
import { addDays, type IsoDate } from '../../calendar';
import type { AppConfig } from '../../config/app-config';
import { deadlinePages, type CaseDeadlineRow, type DeadlineFilter } from '../views/list-deadlines/deadline-rows';

/** Rows per query: one page renders in a few milliseconds, so the event loop is never held longer. */
const PAGE_SIZE = 200;

export interface FeedWindow {
  from: IsoDate;
  to: IsoDate;
  maxEvents: number;
}

export function feedWindow(config: Pick<AppConfig, 'FEED_PAST_DAYS' | 'FEED_FUTURE_DAYS' | 'FEED_MAX_EVENTS'>, today: IsoDate): FeedWindow {
  return { from: addDays(today, -config.FEED_PAST_DAYS), to: addDays(today, config.FEED_FUTURE_DAYS), maxEvents: config.FEED_MAX_EVENTS };
}

/**
 * The feed's deadlines, nearest first, a page at a time: from today on by date, then the past
 * ones, newest first, until the window or `maxEvents` runs out. A municipality with more
 * deadlines than the feed carries still sees what is coming; the oldest fall off first.
 */
export async function* feedPages(
  pool: Pool,
  filter: Pick<DeadlineFilter, 'tenant' | 'officerId'>,
  window: FeedWindow,
  today: IsoDate,
): AsyncGenerator<CaseDeadlineRow[]> {
  let sent = 0;
  const upcoming = { ...filter, from: today, to: window.to };
  for await (const page of deadlinePages(pool, upcoming, today, { order: 'asc', max: window.maxEvents, pageSize: PAGE_SIZE })) {
    sent += page.length;
    yield page;
  }
  if (sent >= window.maxEvents || window.from >= today) return;
  const past = { ...filter, from: window.from, to: addDays(today, -1) };
  yield* deadlinePages(pool, past, today, { order: 'desc', max: window.maxEvents - sent, pageSize: PAGE_SIZE });
}
