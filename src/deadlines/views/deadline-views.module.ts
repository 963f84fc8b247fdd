import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DeadlinesModule } from '../deadlines.module';
import { DeadlinesFeedController } from '../feed/deadlines-feed.controller';
import { FeedTokens } from '../feed/feed-tokens';
import { FeedTokensController } from '../feed/feed-tokens.controller';
import { GetCaseDeadlinesController } from './get-case-deadlines/get-case-deadlines.controller';
import { GetCaseDeadlinesHandler } from './get-case-deadlines/get-case-deadlines.handler';
import { ListDeadlinesController } from './list-deadlines/list-deadlines.controller';
import { ListDeadlinesHandler } from './list-deadlines/list-deadlines.handler';

/** Seeing deadlines: per case, across cases (the rows the deadlines projection keeps), and as an iCalendar feed. */
@Module({
  imports: [CqrsModule, DeadlinesModule],
  controllers: [GetCaseDeadlinesController, ListDeadlinesController, FeedTokensController, DeadlinesFeedController],
  providers: [GetCaseDeadlinesHandler, ListDeadlinesHandler, FeedTokens],
})
export class DeadlineViewsModule {}
