import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.guard';
import { readDeadlines } from '../views/list-deadlines/deadline-rows';
import { MAX_RANGE_DAYS } from '../views/list-deadlines/list-deadlines.dto';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import { addDays, stockholmDate } from '../../calendar';
import { Clock } from '../../shared/clock';
import { FeedTokens } from './feed-tokens';
import { icalFeed } from './ical-feed';

/** How far back the feed reaches: a year of past deadlines stays visible in the calendar. */
const PAST_DAYS = 366;

@ApiTags('Deadlines')
@Controller()
export class DeadlinesFeedController {
  constructor(
    private readonly tokens: FeedTokens,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Public to the bearer guard (calendar apps send no headers): the token in the query is the credential. */
  @Public()
  @Get('deadlines.ics')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ operationId: 'deadlinesFeed', summary: 'The deadlines as an iCalendar feed (all-day events), for calendar apps' })
  @ApiQuery({ name: 'token', type: String, required: false, description: 'From POST /deadlines/feed-tokens (missing: 401).' })
  @ApiOkResponse({ description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'FEED_TOKEN_INVALID: no token, or one never issued.' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'FEED_TOKEN_REVOKED' })
  async feed(@Query('token') token: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    const grant = await this.tokens.resolve(typeof token === 'string' ? token : undefined);
    const now = this.clock.now();
    const today = stockholmDate(now.toISOString());
    const { items } = await readDeadlines(
      this.db.pool,
      {
        tenant: grant.tenant,
        from: addDays(today, -PAST_DAYS),
        to: addDays(today, MAX_RANGE_DAYS),
        ...(grant.scope === 'mine' && { officerId: grant.ownerId }),
      },
      today,
    );
    const baseUrl = this.config.PUBLIC_BASE_URL;
    // Set here, not by decorator: a refused token is answered as JSON by the error filter.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    return icalFeed(items, { name: `IOP-ärenden: tidsfrister (${grant.tenant})`, baseUrl, host: new URL(baseUrl).hostname, stamp: now });
  }
}
