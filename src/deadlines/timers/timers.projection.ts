import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseRepository } from '../../cases/shared/case-repository';
import { caseIdOfStream } from '../../cases/shared/case-stream';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { Subscriptions } from '../../projections/subscriptions';
import { Clock } from '../../shared/clock';
import { stockholmInstant } from '../stockholm-time';
import { DeadlineSettings } from '../timer-settings';
import { timersOf } from '../timer-policy';
import { TimerTable } from './timer-table';
import { TimerWake } from './timer-wake';

/**
 * Keeps `timers` in step with the case streams: after an event, the case's timers are recomputed
 * from the case as it is now (amendments, notice, renewal and termination move or cancel them).
 * Like the case list, a case already projected at that revision or later is skipped, so catching
 * up costs one fold per case, and a redelivered event changes nothing.
 */
@Injectable()
export class TimersProjection implements OnModuleInit {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly cases: CaseRepository,
    private readonly table: TimerTable,
    private readonly settings: DeadlineSettings,
    private readonly wake: TimerWake,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.subscriptions.register('timers', (event) => this.project(event));
  }

  /** Recomputes one case's timers now (the subscription's work; tests call it to be in step at once). */
  async refresh(tenant: string, caseId: string): Promise<void> {
    const loaded = await this.cases.load(tenant, caseId);
    const timers = timersOf(loaded.snapshot.context, this.settings).map((timer) => ({ ...timer, dueAt: stockholmInstant(timer.dueOn, this.settings.notifyHour) }));
    if (await this.table.replace(tenant, caseId, loaded.revision, timers, this.clock.now())) this.wake.notify();
  }

  private async project(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    if (!caseId || (await this.table.projectedRevision(event.stream.tenant, caseId)) >= event.revision) return;
    await this.refresh(event.stream.tenant, caseId);
  }
}
