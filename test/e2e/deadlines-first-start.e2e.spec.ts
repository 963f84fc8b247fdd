import { DeadlineScheduler } from '../../src/deadlines/scheduler';
import { TimersProjection } from '../../src/deadlines/timers/timers.projection';
import { caseIdOfStream } from '../../src/cases/shared/case-stream';
import { EventStore } from '../../src/event-store/event-store.port';
import { TestApi } from '../support/api';

jest.setTimeout(60_000);

/** `npm start` on a new machine today: the demo cases are years old, and a first start must not spray their reminders. */
describe('First start over the demo data, years after its dates', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start({ DEMO_DATA: 'true' }, new Date('2026-11-28T09:00:00Z'))));
  afterAll(() => api.stop());

  it('fires what fell due once — Linköping expires, Österåker is reminded to sign — and no stale reminder', async () => {
    const store = api.app.get(EventStore);
    const timers = api.app.get(TimersProjection);
    const scheduler = api.app.get(DeadlineScheduler);
    const cases = (await store.listStreams({ prefix: 'case-' })).map((s) => ({ tenant: s.tenant, id: caseIdOfStream(s)! }));
    expect(cases).toHaveLength(4);
    for (let round = 0; round < 5; round++) {
      for (const c of cases) await timers.refresh(c.tenant, c.id);
      if ((await scheduler.runDue()).batches === 0) break;
    }

    const { rows } = await api.db.pool.query<{ line: string }>(
      `SELECT tenant || ' ' || (intent->'deadline'->>'kind') || ' ' || (intent->>'occasion') || ' ' || (intent->>'recipient') AS line
         FROM notification_outbox ORDER BY 1`,
    );
    expect(rows.map((r) => r.line)).toEqual([
      'linkoping period-ends acted manager',
      'linkoping period-ends acted officer',
      'linkoping period-ends acted organisationContact',
      'osteraker signing-pending due officer',
      'osteraker signing-pending due officer',
    ]);
    const { rows: overdue } = await api.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM timers WHERE status = 'pending' AND fire_at <= $1`, [
      api.clock.now(),
    ]);
    expect(Number(overdue[0].n)).toBe(0);
  });
});
