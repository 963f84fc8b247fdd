import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { EventStore } from '../../src/event-store/event-store.port';
import { createLogger } from '../../src/logging/logger';
import { Subscriptions } from '../../src/projections/subscriptions';
import { FixedClock } from '../../src/shared/clock';
import { context, events, newTenant, streamIn, waitFor } from '../support/events';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';

describe('GET /health', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  const clock = new FixedClock(new Date('2024-03-04T09:00:00.000Z'));
  let release: () => void = () => undefined;

  beforeAll(async () => {
    db = await createTestDatabase(databaseTargets()[0]);
    app = await createApp(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', HEALTH_MAX_SUBSCRIBER_LAG_SECONDS: '60' }), createLogger('silent'), clock);
    await app.init();
  });

  afterAll(async () => {
    release();
    await app.close();
    await db.drop();
  });

  it('is up with the database reachable and the projections running', async () => {
    const { status, body } = await request(app.getHttpServer()).get('/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, subscriptions: { status: 'up' } } });
    expect(body.info.subscriptions.subscriptions).toEqual([
      expect.objectContaining({ id: 'case-summaries', state: 'running', lagSeconds: 0 }),
      expect.objectContaining({ id: 'renewal-completion', state: 'running', lagSeconds: 0 }),
      // One subscription keeps both a case's timers and its deadline rows, from one load of the case.
      expect.objectContaining({ id: 'deadlines', state: 'running', lagSeconds: 0 }),
    ]);
  });

  it('reports a subscriber that falls behind as degraded, and one that failed as down', async () => {
    const subscriptions = app.get(Subscriptions);
    const tenant = newTenant();
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let handling = false;
    await subscriptions.register('slow-projection', async (e) => {
      if (e.stream.tenant !== tenant) return;
      handling = true;
      await blocked;
    });
    await app.get(EventStore).append(streamIn(tenant, 'health-probe'), events(1), { expectedRevision: 'no_stream', context });
    await waitFor(() => handling, 'the slow projection to get the event');

    clock.advance(120_000); // the slow projection has now spent two minutes on one event
    const degraded = await request(app.getHttpServer()).get('/health');
    expect(degraded.status).toBe(200);
    expect(degraded.body.details.subscriptions.status).toBe('degraded');
    expect(degraded.body.details.subscriptions.subscriptions).toContainEqual(expect.objectContaining({ id: 'slow-projection', lagSeconds: 120 }));

    await subscriptions.register('broken-projection', async () => {
      throw new Error('read model table is missing');
    });
    await waitFor(() => subscriptions.statuses().some((s) => s.state === 'failed'), 'the broken projection to fail');
    const { status, body } = await request(app.getHttpServer()).get('/health');
    expect(status).toBe(503);
    const byId = Object.fromEntries(body.details.subscriptions.subscriptions.map((s: { id: string }) => [s.id, s]));
    expect(byId['slow-projection']).toMatchObject({ state: 'running', lagSeconds: 120 });
    expect(byId['broken-projection']).toMatchObject({ state: 'failed', error: 'read model table is missing' });
  });
});
