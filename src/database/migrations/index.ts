import type { Migration } from '../migrator';
import { eventStore } from './001-event-store';
import { caseSummaries } from './002-case-summaries';
import { anchors } from './003-anchors';
import { personalData } from './004-personal-data';
import { notificationOutbox } from './005-notification-outbox';
import { timers } from './006-timers';
import { notificationDeliveries } from './007-notification-deliveries';
import { deadlineViews } from './008-deadline-views';
import { savedViewsAndWorklist } from './009-saved-views-and-worklist';
import { caseSnapshots } from './010-case-snapshots';

/** Applied in order of version; a migration, once released, is never edited: add the next one. */
export const migrations: readonly Migration[] = [
  eventStore,
  caseSummaries,
  anchors,
  personalData,
  notificationOutbox,
  timers,
  notificationDeliveries,
  deadlineViews,
  savedViewsAndWorklist,
  caseSnapshots,
];
