import { DEMO_MUNICIPALITIES, onboard, type DemoMunicipality } from '../../src/demo/demo-reference-data';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { ReferenceDataStore } from '../../src/reference-data/reference-data.store';
import { SystemClock } from '../../src/shared/clock';
import type { TestDatabase } from './test-database';

/**
 * Sets up the demo municipalities' reference data (src/demo) in a test database through the
 * reference-data store, as their administrators would through the API: what every test of the
 * three demo tenants needs before its first request.
 */
export async function onboardMunicipalities(store: ReferenceDataStore, municipalities: readonly DemoMunicipality[] = DEMO_MUNICIPALITIES): Promise<void> {
  for (const municipality of municipalities) await onboard(store, municipality);
}

/** The same for a database a separately started service (the built one) will use. */
export async function onboardMunicipalitiesIn(db: Pick<TestDatabase, 'pool' | 'connection'>): Promise<void> {
  const events = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new SystemClock() });
  try {
    await onboardMunicipalities(new ReferenceDataStore(events));
  } finally {
    await events.close();
  }
}
