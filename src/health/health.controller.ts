import { Controller, Get, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { Subscriptions } from '../projections/subscriptions';
import { HealthCheckFilter } from './health-check.filter';

@Public()
@UseFilters(HealthCheckFilter)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
    private readonly subscriptions: Subscriptions,
    private readonly config: AppConfig,
  ) {}

  /** 200 while the database answers and no subscriber has failed; a lagging subscriber makes it `degraded`. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => void (await this.db.pool.query('SELECT 1')))
          .withTimeout(3000),
      () => this.subscriberLag(),
    ]);
  }

  private subscriberLag() {
    const indicator = this.indicators.check('subscriptions');
    const subscriptions = this.subscriptions.statuses();
    if (subscriptions.some((s) => s.state === 'failed')) return indicator.down({ subscriptions });
    if (subscriptions.some((s) => s.lagSeconds > this.config.HEALTH_MAX_SUBSCRIBER_LAG_SECONDS)) return indicator.degraded({ subscriptions });
    return indicator.up({ subscriptions });
  }
}
