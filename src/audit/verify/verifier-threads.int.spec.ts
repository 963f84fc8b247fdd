import { join } from 'node:path';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/support/test-database';
import { appendCase, seedEvents } from '../../../test/support/seeded-cases';
import { PostgresCaseSnapshots } from '../../cases/shared/postgres-case-snapshots';
import type { Database } from '../../database/database';
import { linkoping } from '../../demo/seed-cases';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { FixedClock } from '../../shared/clock';
import { RecordVerifier } from './record-verifier';
import { VerifierThreads } from './verifier-threads';

/** The worker's TypeScript source, run through swc as jest runs it. */
const threadsOnSource = (threads: number) =>
  new VerifierThreads({
    threads,
    script: join(__dirname, 'verify-worker.ts'),
    execArgv: ['--require', join(__dirname, '../../../test/support/swc-register.js')],
  });

describe.each(databaseTargets())('RecordVerifier on verifier threads, on $name', (target) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const threads: VerifierThreads[] = [];
  const verifierOn = (verifierThreads: VerifierThreads) => {
    threads.push(verifierThreads);
    return new RecordVerifier(store, new PostgresCaseSnapshots({ pool: db.pool } as Database), verifierThreads);
  };

  beforeAll(async () => {
    db = await createTestDatabase(target);
    store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new FixedClock(new Date('2022-09-02T10:00:00.000Z')) });
  });
  afterAll(async () => {
    await Promise.all(threads.map((t) => t.onModuleDestroy()));
    await store.close();
    await db.drop();
  });

  it('finds what the caller alone finds, in the same order, with the batch shared between threads', async () => {
    const template = seedEvents(linkoping);
    const caseIds = [];
    for (let i = 0; i < 9; i++) caseIds.push(await appendCase(store, 'linkoping', template));
    const tampered = caseIds[6];
    await db.pool.query(`UPDATE events SET data = jsonb_set(data, '{tampered}', 'true') WHERE stream_id = $1 AND revision = 3`, [`case-${tampered}`]);

    const alone = await verifierOn(new VerifierThreads({ threads: 0 })).verifyAll('linkoping');
    const shared = await verifierOn(threadsOnSource(2)).verifyAll('linkoping');

    expect(shared).toEqual(alone);
    expect(shared).toMatchObject({ intact: false, cases: 9, events: 9 * template.length });
    expect(shared.broken).toEqual([expect.objectContaining({ caseId: tampered, problem: expect.objectContaining({ revision: '3' }) })]);
  });
});
