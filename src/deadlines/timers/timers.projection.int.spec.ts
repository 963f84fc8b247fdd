import { currentSchemaVersion } from '../../lifecycle';
import { randomUUID } from 'node:crypto';
import { linkoping } from '../../demo/seed-cases';
import { EventStore, type JsonObject } from '../../event-store/event-store.port';
import { CASE_MACHINE_VERSION, decide, type Command } from '../../lifecycle';
import { fold } from '../../lifecycle/evolve';
import { TestApi } from '../../../test/support/api';
import { appendCase, seedEvents } from '../../../test/support/seeded-cases';
import { DeadlineScheduler } from '../scheduler';
import { TimersProjection } from './timers.projection';

jest.setTimeout(60_000);

const TENANT = 'linkoping';

describe('Timers projection: amendments move timers, notice cancels them', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({}, new Date('2025-03-02T07:30:00Z'))));
  afterAll(() => api.stop());

  const timer = async (caseId: string, key: string) =>
    (await api.db.pool.query(`SELECT status, to_char(due_on, 'YYYY-MM-DD') AS due_on, due_at FROM timers WHERE case_id = $1 AND key = $2`, [caseId, key]))
      .rows[0];

  it('re-arms a fired reminder whose date moved, and cancels what notice makes moot', async () => {
    const store = api.app.get(EventStore);
    const timers = api.app.get(TimersProjection);
    const scheduler = api.app.get(DeadlineScheduler);
    const history = seedEvents(linkoping, 'reportBack');
    const caseId = await appendCase(store, TENANT, history);
    await timers.refresh(TENANT, caseId);
    // 08:00 CET on 2025-03-02: the first renewal reminder, 120 days before 2025-06-30.
    expect(await timer(caseId, 'renewal-reminder:120/reminder')).toEqual({ status: 'pending', due_on: '2025-03-02', due_at: new Date('2025-03-02T07:00:00Z') });
    await scheduler.runDue();
    expect(await timer(caseId, 'renewal-reminder:120/reminder')).toMatchObject({ status: 'fired' });

    // Three months' notice instead of six: the last day to give notice moves to 2025-09-30, and the reminders with it.
    const append = async (command: Record<string, unknown>, events = history) => {
      const [event] = decide(fold(events), { now: '2025-03-10T12:00:00Z', ...command } as Command);
      await store.append(
        { tenant: TENANT, id: `case-${caseId}` },
        [{ id: randomUUID(), type: event.type, data: event.data as unknown as JsonObject, schemaVersion: currentSchemaVersion(event.type) }],
        {
          expectedRevision: BigInt(events.length - 1),
          context: {
            actorId: 'john',
            actorName: 'John',
            actorRole: 'handlaggare',
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
            machineId: 'iopCase',
            machineVersion: CASE_MACHINE_VERSION,
          },
        },
      );
      return [...events, event];
    };
    const terms = { ...fold(history).context.terms!, noticeMonths: 3 };
    const amended = await append({ type: 'amend-terms', terms, reason: 'Ändrad uppsägningstid', agreedOn: '2025-03-10', effectiveFrom: '2025-03-10' });
    await timers.refresh(TENANT, caseId);
    expect(await timer(caseId, 'renewal-reminder:120/reminder')).toMatchObject({ status: 'pending', due_on: '2025-06-02' });
    expect(await timer(caseId, 'last-day-to-give-notice/due')).toMatchObject({ status: 'pending', due_on: '2025-09-30' });
    expect(await timer(caseId, 'period-ends/act')).toMatchObject({ status: 'pending', due_on: '2026-01-01' });

    await append({ type: 'give-notice', party: 'municipality', receivedOn: '2025-03-10', inWriting: true }, amended);
    await timers.refresh(TENANT, caseId);
    for (const key of ['renewal-reminder:120/reminder', 'renewal-reminder:7/reminder', 'last-day-to-give-notice/due', 'period-ends/act']) {
      expect(await timer(caseId, key)).toMatchObject({ status: 'cancelled' });
    }
    // Three months from 2025-03-10; the engine acts the morning after, 08:00 CEST.
    expect(await timer(caseId, 'notice-takes-effect/act')).toEqual({ status: 'pending', due_on: '2025-06-11', due_at: new Date('2025-06-11T06:00:00Z') });
  });

  it('an event delivered again, or a stale computation, changes nothing', async () => {
    const store = api.app.get(EventStore);
    const timers = api.app.get(TimersProjection);
    const caseId = await appendCase(store, TENANT, seedEvents(linkoping, 'final'));
    await timers.refresh(TENANT, caseId);
    const before = (await api.db.pool.query(`SELECT * FROM timers WHERE case_id = $1 ORDER BY timers.key`, [caseId])).rows;
    await timers.refresh(TENANT, caseId);
    expect((await api.db.pool.query(`SELECT * FROM timers WHERE case_id = $1 ORDER BY timers.key`, [caseId])).rows).toEqual(before);
  });
});
