import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '../event-store/event-store.port';
import { machineChangeOf, toCaseEvent } from '../lifecycle';
import { SwedishCalendar } from './calendar';
import { DEFAULT_DEADLINE_OPTIONS, type DeadlineOptions } from './deadline-rules';
import { trackedDeadlines, type TrackedDeadline } from './deadline-status';

/**
 * The deadlines of a case from its recorded events, with one calendar (its holiday years cached)
 * and the options every view uses, so that the case view, the list and the feed agree.
 */
@Injectable()
export class DeadlineCatalogue {
  private readonly calendar = new SwedishCalendar();
  readonly options: DeadlineOptions = DEFAULT_DEADLINE_OPTIONS;

  of(events: readonly RecordedEvent[]): TrackedDeadline[] {
    return trackedDeadlines(
      // A machine change moves no deadline; every other payload is read in its current shape.
      events.filter((recorded) => !machineChangeOf(recorded)).map(toCaseEvent),
      this.calendar,
      this.options,
    );
  }
}
