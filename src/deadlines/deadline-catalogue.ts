import { Injectable } from '@nestjs/common';
import type { RecordedCaseEvent } from '../cases/shared/case-stream';
import { IndexValuesSource } from '../cases/shared/index-values-source';
import { machineChangeOf, toCaseEvent, type CaseFacts, type IndexSeriesLookup } from '../lifecycle';
import { trackedDeadlines, type TrackedDeadline } from './deadline-status';
import { DeadlineSettings } from './timer-settings';

/**
 * The deadlines of a case from its recorded events, on the calendar and options the timers use
 * (DeadlineSettings), so that the case view, the list, the feed and the timers agree.
 */
@Injectable()
export class DeadlineCatalogue {
  constructor(
    private readonly settings: DeadlineSettings,
    private readonly indexValues: IndexValuesSource,
  ) {}

  /** The index series the case's payment plan follows, as the tenant's reference data has them now. */
  async indexOf(tenant: string, facts: CaseFacts): Promise<IndexSeriesLookup> {
    return this.indexValues.lookupFor(tenant, facts);
  }

  of(events: readonly RecordedCaseEvent[], index: IndexSeriesLookup): TrackedDeadline[] {
    return trackedDeadlines(
      // A machine change moves no deadline; every other payload is read in its current shape.
      events.filter((recorded) => !machineChangeOf(recorded)).map(toCaseEvent),
      this.settings.calendar,
      this.settings.deadlineOptions,
      index,
    );
  }
}
