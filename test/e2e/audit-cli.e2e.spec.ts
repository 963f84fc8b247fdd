import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { linkoping, robertsfors } from '../../src/demo/seed-cases';
import { JWT_SECRET, TestApi, tokenFor } from '../support/api';
import { walk } from '../support/seed-walk';

const CLI = join(__dirname, '../../dist/scripts/audit.js');

/** `npm run audit -- …` as an auditor runs it, against a running service. */
describe('the auditors’ command line', () => {
  let api: TestApi;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    api = await TestApi.start();
    await walk(api, 'robertsfors', robertsfors, ['submit', 'register', 'assignOfficer', 'draft']);
    await walk(api, 'robertsfors', robertsfors, ['submit']);
    await walk(api, 'linkoping', linkoping, ['submit']);
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    env = { ...process.env, IOP_URL: `http://127.0.0.1:${port}`, JWT_SECRET };
  });
  afterAll(() => api.stop());

  const run = (...args: string[]) => promisify(execFile)(process.execPath, [CLI, ...args], { env });

  it('verifies every stream of the tenant and prints a summary per kind with the anchor to keep', async () => {
    await api
      .http()
      .post('/audit/anchors')
      .set('Authorization', `Bearer ${await tokenFor({ roles: ['admin'], tenant: 'robertsfors' })}`);
    const { stdout } = await run('verify', '--tenant', 'robertsfors');
    expect(stdout).toContain('2 ärenden, 11 händelser: intakta'); // with Robertsfors' reference data: its municipality, three bodies, inhabitants
    expect(stdout).toContain('ärenden: 2 strömmar, 5 händelser, intakta');
    expect(stdout).toContain('diarieserier: 1 ström, 1 händelse, intakta');
    expect(stdout).toContain('referensdata: 1 ström, 5 händelser, intakta');
    expect(stdout).toMatch(/Globalt ankare: intakt; spara utanför systemet: [0-9a-f]{64}/);
  });

  it('exits 1 when the database no longer holds the anchor the auditor kept', async () => {
    const failure = await run('verify', '--tenant', 'robertsfors', '--anchor', 'ab'.repeat(32)).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toContain(`✗ the anchor ${'ab'.repeat(32)} kept outside is not in this database`);
  });

  it('exits 1 and names the case when something does not verify', async () => {
    await api.db.pool.query(
      `UPDATE events SET data = jsonb_set(data, '{purpose}', '"Annat"') WHERE tenant = 'robertsfors' AND type = 'ApplicationSubmitted' AND revision = 0 AND stream_id IN (SELECT stream_id FROM streams WHERE tenant = 'robertsfors' AND revision = 3)`,
      [],
    );
    const failure = await run('verify', '--tenant', 'robertsfors').catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toMatch(/✗ KS 2017\/001: revision 0: /);
  });

  it('prints the history of a case found by its diarienummer', async () => {
    const { stdout } = await run('history', 'KS 2017/001', '--tenant', 'robertsfors');
    for (const type of ['ApplicationSubmitted', 'CaseRegistered', 'OfficerAssigned', 'ProposalDrafted']) expect(stdout).toContain(type);
    expect(stdout).toContain('Registrerad');
  });
});
