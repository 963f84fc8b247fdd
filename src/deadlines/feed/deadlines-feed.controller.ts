import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.guard';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import { stockholmDate } from '../../calendar';
import { Clock } from '../../shared/clock';
import { FeedTokens } from './feed-tokens';
import { feedPages, feedWindow } from './feed-window';
import { icalFeed } from './ical-feed';

const defaults = new AppConfig();

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
  @ApiOperation({
    operationId: 'deadlinesFeed',
    summary: 'The deadlines as an iCalendar feed (all-day events), for calendar apps',
    description:
      `Bounded and streamed: the deadlines from \`FEED_PAST_DAYS\` (default ${defaults.FEED_PAST_DAYS}) days back to ` +
      `\`FEED_FUTURE_DAYS\` (default ${defaults.FEED_FUTURE_DAYS}) days ahead, at most \`FEED_MAX_EVENTS\` (default ${defaults.FEED_MAX_EVENTS}) ` +
      'events, the nearest first: upcoming ones by date, then past ones, newest first. The response headers state the window and the limit in force.',
  })
  @ApiQuery({ name: 'token', type: String, required: false, description: 'From POST /deadlines/feed-tokens (missing: 401).' })
  @ApiOkResponse({
    description: 'text/calendar',
    content: { 'text/calendar': { schema: { type: 'string' } } },
    headers: {
      'X-Feed-From': { description: 'First day of the window (inclusive).', schema: { type: 'string', format: 'date' } },
      'X-Feed-To': { description: 'Last day of the window (inclusive).', schema: { type: 'string', format: 'date' } },
      'X-Feed-Max-Events': { description: 'The most events the feed carries.', schema: { type: 'integer', maximum: 50_000 } },
    },
  })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'FEED_TOKEN_INVALID: no token, or one never issued.' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'FEED_TOKEN_REVOKED' })
  async feed(@Query('token') token: string | undefined, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const grant = await this.tokens.resolve(typeof token === 'string' ? token : undefined);
    const now = this.clock.now();
    const today = stockholmDate(now.toISOString());
    const window = feedWindow(this.config, today);
    const filter = { tenant: grant.tenant, ...(grant.scope === 'mine' && { officerId: grant.ownerId }) };
    const baseUrl = this.config.PUBLIC_BASE_URL;
    const document = icalFeed(feedPages(this.db.pool, filter, window, today), {
      name: `IOP-ärenden: tidsfrister (${grant.tenant})`,
      baseUrl,
      host: new URL(baseUrl).hostname,
      stamp: now,
    });
    // Set here, not by decorator: a refused token is answered as JSON by the error filter.
    response.setHeader('X-Feed-From', window.from);
    response.setHeader('X-Feed-To', window.to);
    response.setHeader('X-Feed-Max-Events', String(window.maxEvents));
    return new StreamableFile(Readable.from(document), { type: 'text/calendar; charset=utf-8' });
  }
}
