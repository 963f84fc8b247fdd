import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseRepository } from '../../cases/shared/case-repository';
import { caseIdOfStream } from '../../cases/shared/case-stream';
import { ChannelWake } from '../../database/channel-wake';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { Subscriptions } from '../../projections/subscriptions';
import { Clock } from '../../shared/clock';
import { DeadlineCatalogue } from '../deadline-catalogue';
import { stockholmInstant } from '../stockholm-time';
import { timersOf } from '../timer-policy';
import { DeadlineSettings } from '../timer-settings';
import { CaseDeadlineTable } from '../views/case-deadline-table';
import { TimerTable } from './timer-table';

export const TIMERS_CHANNEL = 'iop_timers';

/** Wakes the deadline schedulers when timers change. */
export class TimerWake extends ChannelWake {}

/**
 * Keeps a case's deadlines in step with its stream, from one load of the case per event: its
 * timers (`timers`, for the scheduler) and its rows in the deadline views (`case_deadlines`).
 * Amendments, notice, renewal and termination move or cancel them. Like the case list, a case
 * both tables already show at that revision or later is skipped, so catching up costs one fold
 * per case, and a redelivered event changes nothing.
 */
@Injectable()
export class TimersProjection implements OnModuleInit {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly cases: CaseRepository,
    private readonly timers: TimerTable,
    private readonly views: CaseDeadlineTable,
    private readonly catalogue: DeadlineCatalogue,
    private readonly settings: DeadlineSettings,
    private readonly wake: TimerWake,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.subscriptions.register('deadlines', (event) => this.project(event));
  }

  /** Recomputes one case's timers and deadline rows now (the subscription's work; tests call it to be in step at once). */
  async refresh(tenant: string, caseId: string): Promise<void> {
    const loaded = await this.cases.load(tenant, caseId);
    // Index values (reference data) move payment deadlines: read as they are now, for the timers and the rows alike.
    const index = await this.catalogue.indexOf(tenant, loaded.snapshot.context);
    const timers = timersOf(loaded.snapshot.context, this.settings, index).map((timer) => ({
      ...timer,
      dueAt: stockholmInstant(timer.dueOn, this.settings.notifyHour),
    }));
    const [moved] = await Promise.all([
      this.timers.replace(tenant, caseId, loaded.revision, timers, this.clock.now()),
      this.views.replace(loaded, this.catalogue.of(loaded.events, index)),
    ]);
    if (moved) this.wake.notify();
  }

  private async project(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    if (!caseId) return;
    const shown = await Promise.all([this.timers.projectedRevision(event.stream.tenant, caseId), this.views.shownRevision(event.stream.tenant, caseId)]);
    if (shown.every((revision) => revision >= event.revision)) return;
    await this.refresh(event.stream.tenant, caseId);
  }
}
