import type { RecordedEvent } from '../../event-store/event-store.port';
import { REFERENCE_DATA_EVENT_TYPES, type ReferenceDataEvents } from '../../reference-data/reference-data';
import type { StreamProblem } from './stream-kinds';

/**
 * What a tenant's reference data means, checked: only its own events, each recorded by an
 * administrator, and index values published to a series that was set up, each year's versions
 * numbered 1, 2, 3, … in order (a revision removed or inserted shows here even with the chain recomputed).
 */
export function referenceDataProblem(events: readonly RecordedEvent[]): StreamProblem | undefined {
  const series = new Set<string>();
  const versions = new Map<string, number>();
  for (const { revision, type, data, metadata } of events) {
    const at = (what: string): StreamProblem => ({ revision: revision.toString(), what });
    if (!(REFERENCE_DATA_EVENT_TYPES as readonly string[]).includes(type)) return at(`${type} does not belong in the reference data`);
    if (metadata.actorRole !== 'admin') return at(`${type} was recorded by ${metadata.actorRole}, not an administrator`);
    if (type === 'IndexSeriesSet') series.add(String(data.code));
    if (type === 'IndexValuePublished') {
      const value = data as unknown as ReferenceDataEvents['IndexValuePublished'];
      if (!series.has(value.series)) return at(`a value of ${value.series}, a series never set up`);
      const key = `${value.series}/${value.year}`;
      const expected = (versions.get(key) ?? 0) + 1;
      if (value.version !== expected) return at(`${key} is published as version ${value.version}, not ${expected}`);
      versions.set(key, expected);
    }
  }
  return undefined;
}
