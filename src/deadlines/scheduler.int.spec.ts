import { currentSchemaVersion } from '../lifecycle';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../app';
import { loadConfig } from '../config/app-config';
import { linkoping } from '../demo/seed-cases';
import { randomUUID } from 'node:crypto';
import { EventStore, type JsonObject } from '../event-store/event-store.port';
import { CASE_MACHINE_VERSION, decide, type Command } from '../lifecycle';
import { fold } from '../lifecycle/evolve';
import { createLogger } from '../logging/logger';
import { FixedClock } from '../shared/clock';
import { JWT_SECRET } from '../../test/support/api';
import { appendCase, seedEvents } from '../../test/support/seeded-cases';
import { holdTransaction } from '../../test/support/held-transaction';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import { DeadlineScheduler, type RunResult } from './scheduler';
import { TimersProjection } from './timers/timers.projection';

jest.setTimeout(60_000);

const TENANT = 'linkoping';
/** Both instances' clocks: long after every timer of these cases. */
const LATER = new Date('2026-11-28T09:00:00Z');

interface Instance {
  readonly app: NestExpressApplication;
  readonly clock: FixedClock;
  readonly scheduler: DeadlineScheduler;
  readonly timers: TimersProjection;
}

async function instance(db: TestDatabase, env: Record<string, string> = {}): Promise<Instance> {
  const clock = new FixedClock(LATER);
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false', SCHEDULER_BATCH_SIZE: '7', ...env });
  const app = await createApp(config, createLogger('silent'), clock);
  await app.init();
  return { app, clock, scheduler: app.get(DeadlineScheduler), timers: app.get(TimersProjection) };
}

describe.each(databaseTargets())('Deadline scheduler, two instances on $name', (target) => {
  let db: TestDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    [a, b] = [await instance(db), await instance(db)];
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await db.pool.query<{ n: string }>(sql, params)).rows[0].n);

  it('fires each of many due timers exactly once: one event per case, one outbox row per recipient of each firing', async () => {
    const store = a.app.get(EventStore);
    // 30 cases whose decision becomes final (the engine acts), 30 active ones long past their period (expiry acts; reminders are stale).
    const finalEvents = seedEvents(linkoping, 'final');
    const activeEvents = seedEvents(linkoping, 'payment2024');
    const cases = [
      ...(await Promise.all(Array.from({ length: 30 }, () => appendCase(store, TENANT, finalEvents)))),
      ...(await Promise.all(Array.from({ length: 30 }, () => appendCase(store, TENANT, activeEvents)))),
    ];

    const runs: RunResult[] = [];
    // Until quiet: bring every case's timers up to date (both instances, as their projections would), then both fire at once.
    for (let round = 0; round < 10; round++) {
      await Promise.all(cases.map((id, i) => (i % 2 ? a : b).timers.refresh(TENANT, id)));
      const results = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue(), a.scheduler.runDue()]);
      runs.push(...results);
      if (results.every((r) => r.batches === 0)) break;
    }

    const fired = runs.reduce((sum, r) => sum + r.fired, 0);
    expect(fired).toBe(await count(`SELECT count(*) AS n FROM timers WHERE status = 'fired'`));
    expect(runs.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM timers WHERE status = 'pending' AND fire_at <= $1`, [LATER])).toBe(0);
    // Each case got its engine event once.
    const perCase = await db.pool.query<{ type: string; n: string; streams: string }>(
      `SELECT type, count(*) AS n, count(DISTINCT stream_id) AS streams FROM events WHERE type IN ('DecisionBecameFinal', 'AgreementExpired') GROUP BY type`,
    );
    const byType = Object.fromEntries(perCase.rows.map((r) => [r.type, [Number(r.n), Number(r.streams)]]));
    // 30 final decisions in the active cases' own history; the engine's 30 are recorded by Systemet.
    expect(await count(`SELECT count(*) AS n FROM events WHERE type = 'DecisionBecameFinal' AND metadata->>'actorName' = 'Systemet'`)).toBe(30);
    expect(byType.DecisionBecameFinal).toEqual([60, 60]);
    expect(byType.AgreementExpired).toEqual([30, 30]);
    // One outbox row per recipient of each fired timer, none twice.
    expect(await count(`SELECT count(*) AS n FROM notification_outbox`)).toBe(
      await count(`SELECT coalesce(sum(cardinality(recipients)), 0) AS n FROM timers WHERE status = 'fired'`),
    );
    expect(await count(`SELECT count(*) AS n FROM notification_outbox WHERE intent->>'occasion' = 'acted'`)).toBe(30 * 2 + 30 * 3);
    // The active cases' old reminders were not sent: they waited for the expiry, which made them moot.
    expect(await count(`SELECT count(*) AS n FROM notification_outbox WHERE intent->>'occasion' = 'reminder'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM timers WHERE status = 'cancelled' AND occasion = 'reminder'`)).toBeGreaterThan(0);
  });

  it('after downtime, a reminder of a date already past is skipped, and the deadline itself is told once', async () => {
    const caseId = await appendCase(a.app.get(EventStore), TENANT, seedEvents(linkoping, 'payment2024'));
    a.clock.set(new Date('2025-02-15T09:00:00Z')); // back after a downtime over the 2025 payment's reminder and date
    try {
      await a.timers.refresh(TENANT, caseId);
      while ((await a.scheduler.runDue()).batches > 0);
      const ofCase = (sql: string) => count(sql, [caseId]);
      expect(await ofCase(`SELECT count(*) AS n FROM timers WHERE case_id = $1 AND key = 'yearly-payment:2025/reminder-14' AND status = 'skipped'`)).toBe(1);
      expect(await ofCase(`SELECT count(*) AS n FROM notification_outbox WHERE case_id = $1 AND intent->>'occasion' = 'reminder'`)).toBe(0);
      const told = await db.pool.query<{ date: string }>(
        `SELECT intent->'deadline'->>'date' AS date FROM notification_outbox
          WHERE case_id = $1 AND intent->'deadline'->>'kind' = 'yearly-payment' AND intent->>'occasion' = 'due' ORDER BY 1`,
        [caseId],
      );
      expect(told.rows.map((r) => r.date)).toEqual(['2024-01-31', '2025-01-31']); // each unpaid year's date, once
    } finally {
      a.clock.set(LATER);
      while ((await a.scheduler.runDue()).batches > 0); // the rest (its expiry), so that later tests start quiet
    }
  });

  it('a timer its case has outrun while the projection lagged is cancelled, not fired', async () => {
    const store = a.app.get(EventStore);
    const unpaid = seedEvents(linkoping, 'payment2025');
    const caseId = await appendCase(store, TENANT, unpaid);
    try {
      await a.timers.refresh(TENANT, caseId); // the 2025 payment's timers, computed at this revision
      // The 2025 payment is recorded; the projection has not seen it yet when the timer falls due.
      const paid = seedEvents(linkoping, 'reportBack').slice(unpaid.length);
      await store.append(
        { tenant: TENANT, id: `case-${caseId}` },
        paid.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as JsonObject, schemaVersion: currentSchemaVersion(e.type) })),
        {
          expectedRevision: BigInt(unpaid.length - 1),
          context: {
            actorId: 'anna',
            actorName: 'Anna',
            actorRole: 'handlaggare',
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
            machineId: 'iopCase',
            machineVersion: CASE_MACHINE_VERSION,
          },
        },
      );
      a.clock.set(new Date('2025-02-01T09:00:00Z'));
      while ((await a.scheduler.runDue()).batches > 0);
      const timer = await db.pool.query(`SELECT status FROM timers WHERE case_id = $1 AND key = 'yearly-payment:2025/due'`, [caseId]);
      expect(timer.rows).toEqual([{ status: 'cancelled' }]);
      expect(
        await count(`SELECT count(*) AS n FROM notification_outbox WHERE case_id = $1 AND intent->'deadline'->>'key' = 'yearly-payment:2025'`, [caseId]),
      ).toBe(0);
    } finally {
      a.clock.set(LATER);
      await a.timers.refresh(TENANT, caseId);
      while ((await a.scheduler.runDue()).batches > 0); // the rest (its expiry), so that later tests start quiet
    }
  });

  it('an official writing to the case while its timer fires: the firing is refused, retried later, and then fires once', async () => {
    const store = a.app.get(EventStore);
    const caseId = await appendCase(store, TENANT, seedEvents(linkoping, 'final'));
    await a.timers.refresh(TENANT, caseId);
    const history = seedEvents(linkoping, 'final');
    const [reassigned] = decide(fold(history), {
      type: 'assign-officer',
      now: LATER.toISOString(),
      officer: { id: 'anna.berg', name: 'Anna Berg' },
      assignedOn: '2022-12-01',
    } as Command);
    // The official's transaction holds the case's head while the scheduler reads the case and tries to append.
    const official = await holdTransaction(store, (transaction) =>
      transaction.append(
        { tenant: TENANT, id: `case-${caseId}` },
        [{ id: randomUUID(), type: reassigned.type, data: reassigned.data as unknown as JsonObject }],
        {
          expectedRevision: BigInt(history.length - 1),
          context: {
            actorId: 'anna',
            actorName: 'Anna',
            actorRole: 'chef',
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
            machineId: 'iopCase',
            machineVersion: CASE_MACHINE_VERSION,
          },
        },
      ),
    );
    const firing = b.scheduler.runDue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await official.end(true);
    expect(await firing).toMatchObject({ fired: 0, failed: 1 });
    const timer = await db.pool.query(`SELECT status, attempts, fire_at FROM timers WHERE case_id = $1 AND key = 'decision-final/act'`, [caseId]);
    expect(timer.rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(timer.rows[0].fire_at.getTime()).toBeGreaterThan(LATER.getTime());

    b.clock.advance(60_000);
    await a.timers.refresh(TENANT, caseId);
    expect(await b.scheduler.runDue()).toMatchObject({ fired: 1, failed: 0 });
    expect(await count(`SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'DecisionBecameFinal'`, [`case-${caseId}`])).toBe(1);
    b.clock.set(LATER);
  });

  it('a running scheduler is woken by another instance’s timer change, without polling', async () => {
    const c = await instance(db, { SCHEDULER_MAX_SLEEP_MS: '600000' });
    c.scheduler.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // it has looked, found nothing due, and sleeps
      const caseId = await appendCase(a.app.get(EventStore), TENANT, seedEvents(linkoping, 'final'));
      await a.timers.refresh(TENANT, caseId);
      const deadline = Date.now() + 10_000;
      while ((await count(`SELECT count(*) AS n FROM timers WHERE case_id = $1 AND status = 'fired'`, [caseId])) === 0) {
        if (Date.now() > deadline) throw new Error('the sleeping scheduler was not woken');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await c.app.close();
    }
  });
});
