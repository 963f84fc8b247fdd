import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { ErrorFilter } from './api/error.filter';
import { WebAppModule } from './api/web/web-app.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DeadlineViewsModule } from './deadlines/views/deadline-views.module';
import { ErasureModule } from './erasure/erasure.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DemoModule } from './demo/demo.module';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { LOGGER } from './logging/logger';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectionsModule } from './projections/projections.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { Clock, SystemClock } from './shared/clock';
import { TenantModule } from './tenant/tenant.module';
import { WorklistModule } from './worklist/worklist.module';

@Module({})
export class AppModule {
  /** `clock` is replaceable so that tests can move time. */
  static forRoot(config: AppConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        EventStoreModule,
        ReferenceDataModule,
        ProjectionsModule,
        HealthModule,
        AuthModule,
        CasesModule,
        AuditModule,
        NotificationsModule,
        DeadlineViewsModule,
        PersonalDataModule,
        ErasureModule,
        SavedViewsModule,
        DeadlinesModule,
        DemoModule,
        WorklistModule,
        TenantModule,
        MetricsModule,
        WebAppModule,
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: Clock, useValue: clock },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [AppConfig, LOGGER, Clock],
    };
  }
}
