import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { SystemClock } from '../shared/clock';
import { publishIndexValue, setBody, setIndexSeries, setMunicipality } from './reference-data';
import { ReferenceDataStore } from './reference-data.store';

/** Two instances of the engine on one database: what one administrator changes, the other reads at once. */
describe('ReferenceDataStore', () => {
  let db: TestDatabase;
  let events: PostgresEventStore[];
  let one: ReferenceDataStore;
  let other: ReferenceDataStore;
  const admin = { id: 'vera.admin', name: 'Vera Admin' };

  beforeAll(async () => {
    db = await createTestDatabase(databaseTargets()[0], 5);
    events = [0, 1].map(() => new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new SystemClock() }));
    [one, other] = events.map((store) => new ReferenceDataStore(store));
  });
  afterAll(async () => {
    await Promise.all(events.map((store) => store.close()));
    await db.drop();
  });

  it('knows nothing of a tenant never set up, and remembers one once it is', async () => {
    expect(await other.isSetUp('vallentuna')).toBe(false);
    await one.change('vallentuna', admin, (d) => setMunicipality(d, { name: 'Vallentuna kommun', organisationNumber: '212000-0068' }));
    expect(await other.isSetUp('vallentuna')).toBe(true);
    expect((await other.current('vallentuna')).municipality).toEqual({ name: 'Vallentuna kommun', organisationNumber: '212000-0068' });
  });

  it('reads another instance’s change at once, folding on only what is new', async () => {
    await other.current('vallentuna');
    await one.change('vallentuna', admin, (d) => setBody(d, { code: 'KS', name: 'Kommunstyrelsen', kind: 'board', diarium: { separator: '-', digits: 3 } }));
    expect((await other.current('vallentuna')).bodies.map((b) => b.code)).toEqual(['KS']);
  });

  it('decides a change that lost a race again on the newer data; with If-Match, refuses it', async () => {
    await one.change('vallentuna', admin, (d) => setIndexSeries(d, { code: 'OPI', name: 'Omsorgsprisindex' }));
    const value = (basisPoints: number) => ({ year: 2025, basisPoints, status: 'forecast' as const, publishedOn: '2024-12-12' });
    const both = await Promise.all([
      one.change('vallentuna', admin, (d) => publishIndexValue(d, 'OPI', value(320))!),
      other.change('vallentuna', admin, (d) => publishIndexValue(d, 'OPI', value(330))!),
    ]);
    const versions = (await one.current('vallentuna')).indexSeries[0].values.map((v) => [v.basisPoints, v.version]);
    expect(versions.map(([, version]) => version)).toEqual([1, 2]);
    expect(new Set(versions.map(([basisPoints]) => basisPoints))).toEqual(new Set([320, 330]));
    expect(both.map((d) => d.revision).sort()).toEqual([3n, 4n]);

    await expect(one.change('vallentuna', admin, (d) => setIndexSeries(d, { code: 'OPI', name: 'OPI' }), 3n)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { revision: '4' },
    });
  });
});
