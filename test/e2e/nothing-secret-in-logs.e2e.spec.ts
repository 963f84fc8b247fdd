import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWT_SECRET, tokenFor, type Caller } from '../support/api';
import { startBuiltService } from '../support/built-service';
import { onboardMunicipalitiesIn } from '../support/reference-data';
import { VALID_BODIES } from '../support/command-bodies';
import { freePort } from '../support/free-port';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';

/**
 * Issue 12: bearer tokens were written to the log in full (every request line carried the
 * `authorization` header), feed tokens too when sent as `?token[]=` or `?token[a]=`, and a
 * malformed `%` escape in a query made the log's redaction answer 500. Here the built service runs
 * a session of requests with its log at `info`, and the log is searched for every secret minted.
 */
describe('nothing secret in the logs', () => {
  let db: TestDatabase;
  let dir: string;
  let service: ChildProcess;
  let base: string;
  let log: string;
  const secrets: string[] = [];
  const personal: string[] = [];
  /** Status of each request with a hostile query, checked on its own below. */
  const hostile: Record<string, number> = {};

  const mint = async (caller: Caller) => {
    const token = await tokenFor(caller);
    secrets.push(token);
    return token;
  };
  const send = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);
  const as = (token: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });

  beforeAll(async () => {
    db = await createTestDatabase(databaseTargets()[0]);
    await onboardMunicipalitiesIn(db);
    dir = await mkdtemp(join(tmpdir(), 'iop-engine-log-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const output = openSync(join(dir, 'service.log'), 'w');
    service = await startBuiltService(
      { DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'info', DATA_DIR: dir, DEMO_DATA: 'false', SCHEDULER_ENABLED: 'false', NOTIFY_WORKER: 'false' },
      { port, output },
    );
    closeSync(output);
    await session();
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
    log = readFileSync(join(dir, 'service.log'), 'utf8');
  }, 120_000);

  afterAll(async () => {
    if (service.exitCode === null) service.kill('SIGKILL');
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** What a day of use sends: an application, reads, a calendar feed in every query form, cookies, bad tokens, a broken URL. */
  async function session(): Promise<void> {
    const organisation = await mint({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' });
    const officer = await mint({ roles: ['handlaggare', 'admin'], tenant: 'linkoping', name: 'John Fristedt' });
    const contactPerson = { name: 'Kim Kontaktsson', email: 'kim.kontaktsson@example.se', phone: '070-471 11 42' };
    const applied = await send('/cases', as(organisation, { method: 'POST', body: JSON.stringify({ ...VALID_BODIES['submit-application'], contactPerson }) }));
    expect(applied.status).toBe(201);
    personal.push(...Object.values(contactPerson));
    // Erasure by e-mail: the address travels in the body of a request the log records.
    expect((await send('/data-subjects/erasures', as(officer, { method: 'POST', body: JSON.stringify({ email: contactPerson.email }) }))).status).toBeLessThan(
      500,
    );
    expect((await send('/cases', as(officer))).status).toBe(200);
    expect((await send('/cases', as(officer, { headers: { Cookie: 'session=cookie-secret-4711; theme=dark' } }))).status).toBe(200);
    const feed = (await (await send('/deadlines/feed-tokens', as(officer, { method: 'POST', body: '{}' }))).json()) as { token: string };
    secrets.push(feed.token, 'cookie-secret-4711');
    const t = encodeURIComponent(feed.token);
    for (const query of [`token=${t}`, `token[]=${t}`, `token[a]=${t}`, `TOKEN=${t}`, `%74oken=${t}`, `x=1&token=${t}&token=${t}`, `token=${t}&%`]) {
      hostile[`/deadlines.ics?${query}`] = (await send(`/deadlines.ics?${query}`)).status;
    }
    const forged = `${officer.slice(0, -4)}AAAA`;
    secrets.push(forged);
    expect((await send('/cases', as(forged))).status).toBe(401);
    hostile['/health?%'] = (await send('/health?%')).status;
    hostile['/cases?%zz&state=%'] = (await send('/cases?%zz&state=%', as(officer))).status;
  }

  it('writes request lines for the session (the log is really searched)', () => {
    expect(log).toMatch(/"url":"\/deadlines\.ics\?token=\[REDACTED\]"/);
    expect(log).toMatch(/"url":"\/cases"/);
  });

  it('holds no bearer token, cookie or feed token the session used, in any query form', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(log).not.toContain(secret);
    // A JWT is three base64url parts; none reaches the log, not even a header's worth.
    expect(log).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });

  it('holds none of the personal data the session sent', () => {
    for (const value of personal) expect(log).not.toContain(value);
  });

  it('answers a malformed % escape in the query without a 500 (the redaction never throws)', () => {
    expect(Object.keys(hostile)).toHaveLength(9);
    for (const [url, status] of Object.entries(hostile)) expect({ url, status: status < 500 }).toEqual({ url, status: true });
    expect(hostile['/health?%']).toBe(200);
    expect(log).not.toMatch(/"statusCode":5\d\d/);
  });
});
