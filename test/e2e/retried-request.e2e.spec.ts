import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { linkoping } from '../../src/demo/seed-cases';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import { createLogger } from '../../src/logging/logger';
import { bearer, JWT_SECRET, TestApi } from '../support/api';
import { freePort } from '../support/free-port';
import { commandPath, walk } from '../support/seed-walk';

/**
 * A client that lost the answer to a command retries the very same request: same Idempotency-Key,
 * same body, same (by now stale) If-Match. It must get the first answer, not a 412 that it cannot
 * tell from someone else's change.
 */
describe('a retried request gets its first answer, even when it carries If-Match', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const revisionOf = async (tenant: string, caseId: string) =>
    (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await bearer({ roles: ['handlaggare'], tenant }))
    ).body.revision as string;

  it('every command of the Linköping walk, re-sent unchanged with its key and its stale If-Match, gets the same 200 and writes nothing', async () => {
    const [submit, ...steps] = Object.keys(linkoping) as (keyof typeof linkoping)[];
    const { caseId } = await walk(api, 'linkoping', linkoping, [submit]);
    const organisation = applicantOf(linkoping.submit);
    for (const name of steps) {
      const { type, date, role, body } = seedRequest(linkoping[name]);
      api.on(date);
      const before = await revisionOf('linkoping', caseId);
      const headers = {
        ...(await bearer({ roles: [role], tenant: 'linkoping', org: organisation })),
        'Idempotency-Key': `retry-${name}`,
        'If-Match': `"${before}"`,
      };
      const send = () => api.http().post(commandPath(caseId, type)).set(headers).send(body);
      const first = await send();
      expect([name, first.status]).toEqual([name, 200]);
      const retried = await send();
      expect([name, retried.status, retried.headers.etag, retried.body]).toEqual([name, 200, first.headers.etag, first.body]);
      expect(await revisionOf('linkoping', caseId)).toBe(first.body.revision);
    }
  }, 60_000);

  it('a new key with a stale If-Match is still refused with 412, and a reused key for another request with 422', async () => {
    const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
    const { body, date, role } = seedRequest(linkoping.assignOfficer);
    api.on(date);
    const headers = { ...(await bearer({ roles: [role], tenant: 'linkoping' })), 'Idempotency-Key': 'assign', 'If-Match': '"1"' };
    expect((await api.http().post(`/cases/${caseId}/commands/assign-officer`).set(headers).send(body)).status).toBe(200);

    const fresh = await api
      .http()
      .post(`/cases/${caseId}/commands/assign-officer`)
      .set({ ...headers, 'Idempotency-Key': 'assign-again' })
      .send(body);
    expect(fresh.body).toMatchObject({ statusCode: 412, code: 'PRECONDITION_FAILED' });
    const reused = await api
      .http()
      .post(`/cases/${caseId}/commands/assign-officer`)
      .set(headers)
      .send({ ...body, assignedOn: '2022-09-06' });
    expect(reused.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await revisionOf('linkoping', caseId)).toBe('2');
  });

  it('the retry reaches a second service instance on the same database and gets the first answer there', async () => {
    const config = loadConfig({ DATABASE_URL: api.db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false' });
    const second = await createApp(config, createLogger('silent'), api.clock);
    await second.init();
    try {
      const { caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']);
      const { body, date, role } = seedRequest(linkoping.assignOfficer);
      api.on(date);
      const headers = { ...(await bearer({ roles: [role], tenant: 'linkoping' })), 'Idempotency-Key': 'assign-elsewhere', 'If-Match': '"1"' };
      const first = await api.http().post(`/cases/${caseId}/commands/assign-officer`).set(headers).send(body);
      const retried = await request(second.getHttpServer()).post(`/cases/${caseId}/commands/assign-officer`).set(headers).send(body);
      expect([first.status, retried.status]).toEqual([200, 200]);
      expect([retried.headers.etag, retried.body]).toEqual([first.headers.etag, first.body]);
      expect(await revisionOf('linkoping', caseId)).toBe('2');
    } finally {
      await second.close();
    }
  });
});

const MAIN = join(__dirname, '../../dist/src/main.js');

/** Two built services on one database; the first is killed after it wrote and before its answer was read. */
describe('a retry after the instance that wrote was killed with SIGKILL', () => {
  let api: TestApi;
  const services: ChildProcess[] = [];
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
    api = await TestApi.start();
    dataDir = await mkdtemp(join(tmpdir(), 'iop-engine-retry-'));
  });
  afterAll(async () => {
    for (const service of services) if (service.exitCode === null && service.signalCode === null) service.kill('SIGKILL');
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startService(): Promise<{ port: number; process: ChildProcess }> {
    const port = await freePort();
    const service = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: api.db.url,
        JWT_SECRET,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SCHEDULER_ENABLED: 'false',
        DEMO_DATA: 'false',
        PERSONAL_DATA_KEY: 'retried-request-test-key-of-32-characters-or-more',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    services.push(service);
    const deadline = Date.now() + 60_000;
    while (
      (await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode}`);
      if (Date.now() > deadline) throw new Error('the service did not become healthy');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { port, process: service };
  }

  /** Sends a request and never reads the answer, as a client whose connection dropped. */
  function sendAndDropAnswer(port: number, path: string, headers: Record<string, string>, body: object): void {
    const payload = JSON.stringify(body);
    const lines = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(payload)}`];
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`${[...lines, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n')}\r\n\r\n${payload}`),
    );
    socket.pause();
    socket.on('error', () => undefined);
  }

  it('the retry through the surviving instance gets 200 with the revision the killed one wrote, and nothing is written twice', async () => {
    const [a, b] = [await startService(), await startService()];
    const call = (port: number, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${port}${path}`, init);
    const officer = await bearer({ roles: ['handlaggare'], tenant: 'linkoping' });
    const revisionOf = async (caseId: string) =>
      ((await (await call(b.port, `/cases/${caseId}`, { headers: officer })).json()) as { revision: string }).revision;

    const submit = seedRequest(linkoping.submit);
    const org = applicantOf(linkoping.submit);
    const created = await call(b.port, '/cases', {
      method: 'POST',
      headers: { ...(await bearer({ roles: [submit.role], tenant: 'linkoping', org })), 'Content-Type': 'application/json' },
      body: JSON.stringify(submit.body),
    });
    const caseId = ((await created.json()) as { id: string }).id;
    const register = seedRequest(linkoping.register);
    const registerHeaders = { ...(await bearer({ roles: [register.role], tenant: 'linkoping' })), 'Content-Type': 'application/json' };
    expect(
      (await call(b.port, `/cases/${caseId}/commands/register`, { method: 'POST', headers: registerHeaders, body: JSON.stringify(register.body) })).status,
    ).toBe(200);

    const { body, role } = seedRequest(linkoping.assignOfficer);
    const headers = { ...(await bearer({ roles: [role], tenant: 'linkoping' })), 'Idempotency-Key': 'assign-before-crash', 'If-Match': '"1"' };
    sendAndDropAnswer(a.port, `/cases/${caseId}/commands/assign-officer`, headers, body);
    const deadline = Date.now() + 30_000;
    while ((await revisionOf(caseId)) !== '2') {
      if (Date.now() > deadline) throw new Error('the first instance never wrote the command');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const killed = new Promise((resolve) => a.process.once('exit', resolve));
    a.process.kill('SIGKILL');
    await killed;

    const retried = await call(b.port, `/cases/${caseId}/commands/assign-officer`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await retried.json()) as { id: string; revision: string };
    expect([retried.status, retried.headers.get('etag'), answer]).toEqual([200, '"2"', expect.objectContaining({ id: caseId, revision: '2' })]);
    expect(await revisionOf(caseId)).toBe('2');
  }, 120_000);
});
