import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetCaseDeadlinesController } from '../cases/get-case-deadlines/get-case-deadlines.controller';
import { GetCaseDeadlinesHandler } from '../cases/get-case-deadlines/get-case-deadlines.handler';
import { ListDeadlinesController } from '../cases/list-deadlines/list-deadlines.controller';
import { ListDeadlinesHandler } from '../cases/list-deadlines/list-deadlines.handler';
import { CasesModule } from '../cases/cases.module';
import { CaseDeadlinesProjection } from '../projections/case-deadlines.projection';
import { DeadlineCatalogue } from './deadline-catalogue';
import { DeadlinesModule } from './deadlines.module';
import { DeadlinesFeedController } from './feed/deadlines-feed.controller';
import { FeedTokens } from './feed/feed-tokens';
import { FeedTokensController } from './feed/feed-tokens.controller';

/** Seeing deadlines: per case, across cases (a projection), and as an iCalendar feed. */
@Module({
  imports: [CqrsModule, CasesModule, DeadlinesModule],
  controllers: [GetCaseDeadlinesController, ListDeadlinesController, FeedTokensController, DeadlinesFeedController],
  providers: [DeadlineCatalogue, CaseDeadlinesProjection, GetCaseDeadlinesHandler, ListDeadlinesHandler, FeedTokens],
})
export class DeadlineViewsModule {}
