import ICAL from 'ical.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import { addDays } from '../../src/calendar';
import { loadConfig } from '../../src/config/app-config';
import { createLogger } from '../../src/logging/logger';
import { FixedClock } from '../../src/shared/clock';
import { bearer, JWT_SECRET } from '../support/api';
import { onboardMunicipalitiesIn } from '../support/reference-data';
import { seedDeadlineRows } from '../support/seeded-deadlines';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';

const TODAY = '2026-06-15';
const TENANT = 'linkoping';

/** The service, listening on a port of its own, over a database of its own. */
async function serve(db: TestDatabase, env: Record<string, string>): Promise<{ app: NestExpressApplication; url: string }> {
  const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false', NOTIFY_WORKER: 'false', ...env });
  const app = await createApp(config, createLogger('silent'), new FixedClock(new Date(`${TODAY}T10:00:00Z`)));
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

async function feedUrl(url: string): Promise<string> {
  const response = await fetch(`${url}/deadlines/feed-tokens`, {
    method: 'POST',
    headers: { ...(await bearer({ roles: ['handlaggare'], tenant: TENANT })), 'content-type': 'application/json' },
    body: JSON.stringify({ scope: 'tenant' }),
  });
  const { token } = (await response.json()) as { token: string };
  return `${url}/deadlines.ics?token=${token}`;
}

const startDates = (ics: string): string[] =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).startDate.toString());

const countBy = (values: readonly string[]) => Object.fromEntries([...new Set(values)].map((value) => [value, values.filter((v) => v === value).length]));

describe('one calendar-feed request can stall the service (issue 12)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase(databaseTargets()[0]);
    await onboardMunicipalitiesIn(db);
  });
  afterEach(() => db.drop());

  it('is bounded by its window and its limit, nearest first, and says so in its headers', async () => {
    // 100 cases, each with deadlines 40 and 20 and 10 days back, and 10, 50 and 70 days ahead.
    await seedDeadlineRows(db.pool, { tenant: TENANT, cases: 100, today: TODAY, offsets: [-40, -20, -10, 10, 50, 70] });
    const { app, url } = await serve(db, { FEED_PAST_DAYS: '30', FEED_FUTURE_DAYS: '60', FEED_MAX_EVENTS: '250' });
    try {
      const response = await fetch(await feedUrl(url));
      expect(response.status).toBe(200);
      expect(Object.fromEntries(['x-feed-from', 'x-feed-to', 'x-feed-max-events'].map((name) => [name, response.headers.get(name)]))).toEqual({
        'x-feed-from': addDays(TODAY, -30),
        'x-feed-to': addDays(TODAY, 60),
        'x-feed-max-events': '250',
      });
      // In the window: 20 and 10 days back, 10 and 50 ahead (400). At most 250: the upcoming 200, then the newest 50 past ones.
      expect(countBy(startDates(await response.text()))).toEqual({ [addDays(TODAY, 10)]: 100, [addDays(TODAY, 50)]: 100, [addDays(TODAY, -10)]: 50 });
    } finally {
      await app.close();
    }
  });

  it('lets /health answer while a large feed is being produced, then completes it', async () => {
    await seedDeadlineRows(db.pool, { tenant: TENANT, cases: 2_000, today: TODAY, offsets: [-100, -50, 1, 30, 90, 200, 400, 800], spread: 30 });
    const { app, url } = await serve(db, { FEED_MAX_EVENTS: '50000' });
    try {
      const feed = await fetch(await feedUrl(url));
      expect(feed.status).toBe(200);
      const reader = feed.body!.getReader();
      const chunks: Uint8Array[] = [];
      const healthWhileProducing: number[] = [];
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        chunks.push(read.value);
        // The feed is not finished (its closing line has not come): /health answers meanwhile.
        if (healthWhileProducing.length < 3) healthWhileProducing.push((await fetch(`${url}/health`)).status);
      }
      expect(healthWhileProducing).toEqual([200, 200, 200]);
      const ics = Buffer.concat(chunks).toString('utf8');
      expect(ics.endsWith('END:VCALENDAR')).toBe(true);
      // Counted by line: ical.js takes minutes over 16 000 events.
      expect(ics.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(16_000);
    } finally {
      await app.close();
    }
  });
});
