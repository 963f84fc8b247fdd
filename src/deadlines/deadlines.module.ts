import { Module } from '@nestjs/common';
import { CaseRepository } from '../cases/shared/case-repository';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineScheduler } from './scheduler';
import { deadlineSettingsFrom, DeadlineSettings } from './timer-settings';
import { TimerFiring } from './timers/timer-firing';
import { TimerTable } from './timers/timer-table';
import { TimerWake } from './timers/timer-wake';
import { TimersProjection } from './timers/timers.projection';

/** Durable timers: the projection that keeps them, the scheduler that fires them into the case and the outbox. */
@Module({
  imports: [NotificationsModule],
  providers: [
    { provide: DeadlineSettings, inject: [AppConfig], useFactory: deadlineSettingsFrom },
    { provide: TimerWake, inject: [Database], useFactory: (db: Database) => new TimerWake(db) },
    CaseRepository,
    TimerTable,
    TimersProjection,
    TimerFiring,
    DeadlineScheduler,
  ],
  exports: [DeadlineScheduler, TimersProjection, DeadlineSettings],
})
export class DeadlinesModule {}
