import ICAL from 'ical.js';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { linkoping } from '../../src/demo/seed-cases';
import { FixedClock } from '../../src/shared/clock';
import { bearer, JWT_SECRET, TestApi, type Caller } from '../support/api';
import { onboardMunicipalitiesIn } from '../support/reference-data';
import { walk } from '../support/seed-walk';
import { createTestDatabase, databaseTargets } from '../support/test-database';

const BASE_URL = 'https://iop.linkoping.example';
const officer: Caller = { roles: ['handlaggare'], tenant: 'linkoping', sub: 'john.fristedt', name: 'John Fristedt' };

interface FeedEvent {
  uid: string;
  start: string;
  isDate: boolean;
  end: string;
  summary: string;
  description: string;
  url: string;
}

/** Parses the feed as a calendar app would, with ical.js. */
function eventsOf(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toString(),
      isDate: event.startDate.isDate,
      end: event.endDate.toString(),
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue('url')),
    };
  });
}

/** Retries until the projection has caught up. */
async function eventually(check: () => Promise<void>, timeoutMs = 4_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('the iCalendar feed of deadlines', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_BASE_URL: BASE_URL });
    const steps = Object.keys(linkoping);
    ({ caseId } = await walk(api, 'linkoping', linkoping, steps.slice(0, steps.indexOf('strategicMeeting') + 1)));
    api.on('2024-01-15');
  });
  afterAll(() => api.stop());

  const createToken = async (caller: Caller, scope?: string) =>
    api
      .http()
      .post('/deadlines/feed-tokens')
      .set(await bearer(caller))
      .send(scope ? { scope } : {});
  const feed = (token: string) => api.http().get(`/deadlines.ics?token=${encodeURIComponent(token)}`);

  it('gives a token once, with the address to subscribe to', async () => {
    const { status, body } = await createToken(officer);
    expect(status).toBe(201);
    expect(body).toMatchObject({ id: expect.any(String), scope: 'tenant', token: expect.stringMatching(/^iopfeed_[A-Za-z0-9_-]{43}$/) });
    expect(body.url).toBe(`${BASE_URL}/deadlines.ics?token=${body.token}`);
    const stored = await api.db.pool.query('SELECT token_hash FROM deadline_feed_tokens WHERE id = $1', [body.id]);
    expect(stored.rows[0].token_hash.toString('latin1')).not.toContain(body.token);
  });

  it("lists the tenant's deadlines as all-day events that carry their dates, in Swedish, with a link", async () => {
    const { body: created } = await createToken(officer);
    await eventually(async () => {
      // The feed's window on 2024-01-15: a year back, three years ahead (two requests: one may ask for three years at most).
      const listed = { items: [] as { date: string; key: string }[] };
      for (const range of ['from=2023-01-14&to=2025-12-31', 'from=2026-01-01&to=2027-01-15']) {
        listed.items.push(
          ...(
            await api
              .http()
              .get(`/deadlines?${range}`)
              .set(await bearer(officer))
          ).body.items,
        );
      }
      const response = await feed(created.token);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      const events = eventsOf(response.text);
      // Every deadline of the read model in the feed's window is an event on its date.
      expect(events.map((e) => `${e.start} ${e.uid.split('/')[1].split('@')[0]}`).sort()).toEqual(
        listed.items.map((d: { date: string; key: string }) => `${d.date} ${d.key}`).sort(),
      );
      expect(events.every((e) => e.isDate)).toBe(true);
      const payment = events.find((e) => e.uid.startsWith(`${caseId}/yearly-payment:2024@`))!;
      expect(payment).toEqual({
        uid: `${caseId}/yearly-payment:2024@iop.linkoping.example`,
        start: '2024-01-31',
        isDate: true,
        end: '2024-02-01',
        summary: 'Årlig utbetalning 2024 – SON 2022-1, Brottsofferjouren i Linköping',
        // 472 200 kr uprated by the demo's OPI 2024 (final, 3,90 %): 490 615,80 kr.
        description:
          'årets utbetalning 2024 senast 31 januari enligt överenskommelsen: planerat 490\u00a0615,80\u00a0kr − betalt 0,00\u00a0kr = 490\u00a0615,80\u00a0kr kvar',
        url: `${BASE_URL}/cases/${caseId}`,
      });
      const lastDay = events.find((e) => e.uid.startsWith(`${caseId}/last-day-to-give-notice@`))!;
      expect(lastDay).toMatchObject({ start: '2025-06-30', summary: expect.stringMatching(/^Sista dag att säga upp överenskommelsen – SON 2022-1/) });
      expect(lastDay.description).toBe('periodens slut 2025-12-31 − 6 månaders uppsägningstid = 2025-06-30');
    });
  });

  it("scope 'mine': the cases the token's owner handles as officer", async () => {
    const mine = (await createToken(officer, 'mine')).body;
    const someoneElse = (await createToken({ ...officer, sub: 'anna.berg' }, 'mine')).body;
    await eventually(async () => expect(eventsOf((await feed(mine.token)).text).length).toBeGreaterThan(0));
    expect(eventsOf((await feed(someoneElse.token)).text)).toEqual([]);
  });

  it('refuses a missing or unknown token (401) and a revoked one (403), each with a code', async () => {
    expect((await api.http().get('/deadlines.ics')).body).toMatchObject({ statusCode: 401, code: 'FEED_TOKEN_INVALID' });
    expect((await feed('iopfeed_not-a-token')).body).toMatchObject({ statusCode: 401, code: 'FEED_TOKEN_INVALID' });
    const { body: created } = await createToken(officer);
    expect((await feed(created.token)).status).toBe(200);
    const stranger = await api
      .http()
      .delete(`/deadlines/feed-tokens/${created.id}`)
      .set(await bearer({ ...officer, sub: 'someone.else' }));
    expect(stranger.body).toMatchObject({ statusCode: 404, code: 'FEED_TOKEN_NOT_FOUND' });
    const otherTenant = await api
      .http()
      .delete(`/deadlines/feed-tokens/${created.id}`)
      .set(await bearer({ ...officer, tenant: 'osteraker' }));
    expect(otherTenant.status).toBe(404);
    expect((await feed(created.token)).status).toBe(200);
    const revoked = await api
      .http()
      .delete(`/deadlines/feed-tokens/${created.id}`)
      .set(await bearer(officer));
    expect(revoked.body).toEqual({ id: created.id, revokedAt: '2024-01-15T12:00:00.000Z' });
    expect((await feed(created.token)).body).toMatchObject({ statusCode: 403, code: 'FEED_TOKEN_REVOKED' });
  });

  it("lists the caller's own tokens, newest first, revoked ones marked, never the token itself", async () => {
    const someone: Caller = { ...officer, sub: 'lister' };
    const first = (await createToken(someone)).body;
    api.clock.advance(1000);
    const second = (await createToken(someone, 'mine')).body;
    await api
      .http()
      .delete(`/deadlines/feed-tokens/${first.id}`)
      .set(await bearer(someone))
      .expect(200);
    const { status, body } = await api
      .http()
      .get('/deadlines/feed-tokens')
      .set(await bearer(someone));
    expect(status).toBe(200);
    expect(body.items).toEqual([
      { id: second.id, scope: 'mine', createdAt: second.createdAt, revokedAt: null },
      { id: first.id, scope: 'tenant', createdAt: first.createdAt, revokedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(body)).not.toContain('iopfeed_');
    const others = await api
      .http()
      .get('/deadlines/feed-tokens')
      .set(await bearer({ ...officer, sub: 'not-lister' }));
    expect(others.body.items.map((t: { id: string }) => t.id)).not.toContain(first.id);
  });

  it('lets an admin of the tenant revoke any token; organisations get no feed', async () => {
    const { body: created } = await createToken(officer);
    expect(
      (
        await api
          .http()
          .delete(`/deadlines/feed-tokens/${created.id}`)
          .set(await bearer({ roles: ['admin'], tenant: 'linkoping' }))
      ).status,
    ).toBe(200);
    expect((await createToken({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' })).body).toMatchObject({
      statusCode: 403,
      code: 'FORBIDDEN_ROLE',
    });
    expect((await createToken(officer, 'everyone')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await api.http().post('/deadlines/feed-tokens').send({})).status).toBe(401);
  });
});

describe('the feed token in request logs', () => {
  it('is redacted from the URL and query the request log records', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const db = await createTestDatabase(databaseTargets()[0]);
    await onboardMunicipalitiesIn(db);
    const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'info' });
    const app = await createApp(config, pino({ level: 'info' }, sink), new FixedClock(new Date('2024-01-15T12:00:00Z')));
    await app.init();
    try {
      const server = app.getHttpServer();
      const { body } = await request(server)
        .post('/deadlines/feed-tokens')
        .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping' }))
        .send({});
      expect((await request(server).get(`/deadlines.ics?token=${body.token}`)).status).toBe(200);
      expect((await request(server).get('/deadlines.ics?token=iopfeed_guessed')).status).toBe(401);
      const requestLogs = lines.filter((line) => line.includes('"req":') && line.includes('deadlines.ics'));
      expect(requestLogs.length).toBeGreaterThanOrEqual(2);
      expect(lines.join('')).not.toContain(body.token);
      expect(lines.join('')).not.toContain('iopfeed_guessed');
      expect(requestLogs.every((line) => line.includes('/deadlines.ics?token=[REDACTED]'))).toBe(true);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
