import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import type { Database } from '../database/database';
import { FixedClock } from '../shared/clock';
import { DataSubjects } from './data-subjects';
import { MasterKey } from './field-cipher';

describe.each(databaseTargets())('DataSubjects on $name', (target) => {
  let db: TestDatabase;
  let subjects: DataSubjects;
  const clock = new FixedClock(new Date('2024-03-01T10:00:00Z'));
  beforeAll(async () => {
    db = await createTestDatabase(target);
    subjects = new DataSubjects({ pool: db.pool } as Database, new MasterKey('a master secret of at least thirty-two characters'), clock);
  });
  afterAll(() => db.drop());

  it('gives one subject per email and tenant, also to registrations at the same moment', async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => subjects.subjectFor('linkoping', i % 2 ? 'Eva.Lind@example.se' : 'eva.lind@example.se ')),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await subjects.liveByEmail('linkoping', 'EVA.LIND@example.se')).toBe(ids[0]);
    expect(await subjects.subjectFor('osteraker', 'eva.lind@example.se')).not.toBe(ids[0]);
  });

  it('keeps neither key nor email lookup after erasure, erases once, and gives the email a new subject afterwards', async () => {
    const id = await subjects.subjectFor('linkoping', 'olle@example.se');
    expect(await subjects.erase('linkoping', id, clock.now())).toBe(true);
    expect(await subjects.erase('linkoping', id, clock.now())).toBe(false);
    expect((await subjects.find('linkoping', [id])).get(id)).toEqual({ subjectId: id, wrappedKey: null, erasedAt: clock.now() });
    expect(await subjects.liveByEmail('linkoping', 'olle@example.se')).toBeUndefined();
    const again = await subjects.subjectFor('linkoping', 'olle@example.se');
    expect(again).not.toBe(id);
    const stored = (await subjects.find('linkoping', [again])).get(again)!;
    expect(subjects.unwrap('linkoping', { ...stored, wrappedKey: stored.wrappedKey! })).toHaveLength(32);
  });
});
