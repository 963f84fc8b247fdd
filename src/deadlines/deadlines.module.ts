import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineCatalogue } from './deadline-catalogue';
import { DeadlineScheduler } from './scheduler';
import { deadlineSettingsFrom, DeadlineSettings } from './timer-settings';
import { TimerFiring } from './timers/timer-firing';
import { TimerTable } from './timers/timer-table';
import { TIMERS_CHANNEL, TimerWake, TimersProjection } from './timers/timers.projection';
import { CaseDeadlineTable } from './views/case-deadline-table';

/** Deadlines kept and acted on: the projection that keeps timers and deadline rows, the scheduler that fires timers into the case and the outbox. */
@Module({
  imports: [NotificationsModule, CasesModule],
  providers: [
    { provide: DeadlineSettings, inject: [AppConfig], useFactory: deadlineSettingsFrom },
    { provide: TimerWake, inject: [Database], useFactory: (db: Database) => new TimerWake(db, TIMERS_CHANNEL) },
    DeadlineCatalogue,
    CaseDeadlineTable,
    TimerTable,
    TimersProjection,
    TimerFiring,
    DeadlineScheduler,
  ],
  exports: [DeadlineScheduler, TimersProjection, DeadlineSettings, DeadlineCatalogue, CasesModule],
})
export class DeadlinesModule {}
