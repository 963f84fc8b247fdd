import { randomUUID } from 'node:crypto';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/support/test-database';
import { context as anyContext } from '../../../test/support/events';
import { seedEvents } from '../../../test/support/seeded-cases';
import { PostgresCaseSnapshots } from '../../cases/shared/postgres-case-snapshots';
import { CaseRepository } from '../../cases/shared/case-repository';
import { loadConfig } from '../../config/app-config';
import type { Database } from '../../database/database';
import { linkoping } from '../../demo/seed-cases';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION } from '../../lifecycle';
import { DataSubjects } from '../../personal-data/data-subjects';
import { MasterKey } from '../../personal-data/field-cipher';
import { PersonalData } from '../../personal-data/personal-data';
import type { Subscriptions } from '../../projections/subscriptions';
import { FixedClock } from '../../shared/clock';
import { DeadlineCatalogue } from '../deadline-catalogue';
import { deadlineSettingsFrom } from '../timer-settings';
import { TimerTable } from '../timers/timer-table';
import { TIMERS_CHANNEL, TimerWake, TimersProjection } from '../timers/timers.projection';
import { CaseDeadlineTable } from './case-deadline-table';
import { IndexValuesSource } from '../../cases/shared/index-values-source';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';
import { readDeadlines } from './list-deadlines/deadline-rows';

const context = { ...anyContext, machineId: CASE_MACHINE_ID, machineVersion: CASE_MACHINE_VERSION };

describe.each(databaseTargets())('the deadline rows the deadlines projection writes, on $name', (target) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let wake: TimerWake;
  let handle: (event: RecordedEvent) => Promise<void>;
  const tenant = 'linkoping';
  const caseId = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase(target);
    const clock = new FixedClock(new Date('2023-06-01T12:00:00Z'));
    store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock });
    const subscriptions = { register: async (_id: string, handler: typeof handle) => void (handle = handler) } as unknown as Subscriptions;
    const database = { pool: db.pool, connection: db.connection } as Database;
    const cases = new CaseRepository(
      store,
      new PersonalData(new DataSubjects(database, new MasterKey('a master secret of at least thirty-two characters'), clock)),
      new PostgresCaseSnapshots(database),
    );
    const settings = deadlineSettingsFrom(loadConfig({}));
    wake = new TimerWake(database, TIMERS_CHANNEL);
    const projection = new TimersProjection(
      subscriptions,
      cases,
      new TimerTable(database),
      new CaseDeadlineTable(database),
      new DeadlineCatalogue(settings, new IndexValuesSource(new ReferenceDataStore(store))),
      settings,
      wake,
      clock,
    );
    await projection.onModuleInit();
    const events = seedEvents(linkoping, 'annualReport2023').map((e) => ({ id: randomUUID(), type: e.type, data: e.data as never }));
    await store.append({ tenant, id: `case-${caseId}` }, events, { expectedRevision: 'no_stream', context });
  });
  afterAll(async () => {
    await Promise.all([store.close(), wake.close()]);
    await db.drop();
  });

  const recorded = () => store.readStream({ tenant, id: `case-${caseId}` });
  const keys = async (today = '2023-06-01') =>
    (await readDeadlines(db.pool, { tenant, from: '2022-01-01', to: '2025-12-31' }, today)).items.map((d) => `${d.date} ${d.key} ${d.status}`);

  it('writes the deadlines of the case as it is now, met and open, whichever event comes', async () => {
    const events = await recorded();
    await handle(events[0]);
    const rows = await keys();
    expect(rows).toContain('2022-09-01 registration met');
    expect(rows).toContain('2023-01-31 yearly-payment:2023 met');
    expect(rows).toContain('2023-12-31 follow-up-meeting:strategic:2023-H2 upcoming');
    expect(rows).toContain('2025-06-30 last-day-to-give-notice upcoming');
    // The same load wrote the case's timers, from the same revision.
    const { rows: heads } = await db.pool.query(
      'SELECT d.revision AS rows, t.revision AS timers FROM case_deadline_heads d JOIN timer_cases t USING (tenant, case_id) WHERE case_id = $1',
      [caseId],
    );
    expect(heads).toEqual([{ rows: String(events.length - 1), timers: String(events.length - 1) }]);
  });

  it('answers statuses against the date asked, and filters by status in SQL', async () => {
    const overdue = await readDeadlines(db.pool, { tenant, status: 'overdue' }, '2024-01-01');
    expect(overdue.items.map((d) => d.key)).toEqual(['follow-up-meeting:operational:2023-H2', 'follow-up-meeting:strategic:2023-H2']);
    const today = await readDeadlines(db.pool, { tenant, status: 'due-today' }, '2024-01-31');
    expect(today.items.map((d) => d.key)).toEqual(['yearly-payment:2024']);
    expect((await readDeadlines(db.pool, { tenant, status: 'met', kind: 'registration' }, '2024-01-31')).total).toBe(1);
    expect((await readDeadlines(db.pool, { tenant: 'osteraker' }, '2024-01-31')).total).toBe(0);
  });

  it('moves with new events and never back: redelivered and concurrent events change nothing', async () => {
    const before = await keys();
    const paid = seedEvents(linkoping).find((e) => e.type === 'PaymentRecorded' && e.data.covers.start === '2024-01-01')!;
    await store.append({ tenant, id: `case-${caseId}` }, [{ id: randomUUID(), type: paid.type, data: paid.data as never }], {
      expectedRevision: 'any',
      context,
    });
    const events = await recorded();
    await Promise.all([handle(events.at(-1)!), handle(events.at(-1)!), handle(events[3])]);
    const after = await keys();
    expect(after).toContain('2024-01-31 yearly-payment:2024 met');
    expect(after.filter((row) => !before.includes(row))).toEqual(['2024-01-31 yearly-payment:2024 met']);
    await handle(events[0]);
    expect(await keys()).toEqual(after);
  });
});
