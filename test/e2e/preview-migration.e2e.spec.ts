import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors } from '../../src/demo/seed-cases';
import { TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

const SCRIPT = join(__dirname, '../../dist/scripts/preview-migration.js');
const CHANGED = join(__dirname, '../fixtures/changed-lifecycle.js');

const upTo = (seed: object, last: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(last) + 1);

/** `npm run lifecycle:preview-migration`: every live case replayed against a candidate machine, nothing changed. */
describe('the migration preview', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  let closed = false;
  beforeAll(async () => {
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run build\` first (npm test does)`);
    api = await TestApi.start();
    ids.running = (await walk(api, 'linkoping', linkoping, upTo(linkoping, 'operationalMeeting'))).caseId;
    ids.submitted = (await walk(api, 'linkoping', linkoping, ['submit'])).caseId;
    ids.terminated = (await walk(api, 'linkoping', linkoping)).caseId;
    ids.recommended = (await walk(api, 'robertsfors', robertsfors, upTo(robertsfors, 'scheduleBoard'))).caseId;
    ids.signing = (await walk(api, 'osteraker', osterakerBrottsofferjouren, upTo(osterakerBrottsofferjouren, 'final'))).caseId;
    ids.halfSigned = (await walk(api, 'osteraker', osterakerKvinnojouren, upTo(osterakerKvinnojouren, 'signMunicipality'))).caseId;
    // The service stops: from here on only the preview could change anything.
    await api.app.close();
    closed = true;
  }, 120_000);
  afterAll(async () => {
    if (!closed) await api?.app.close();
    await api?.db.drop();
  });

  const run = (args: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: api.db.url }) =>
    promisify(execFile)(process.execPath, [SCRIPT, ...args], { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env } });

  /** sha256 of every row of every table, per table. */
  async function checksums(): Promise<Record<string, string>> {
    const { rows: tables } = await api.db.pool.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY pg_tables.tablename`,
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await api.db.pool.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      sums[name] = createHash('sha256')
        .update(
          rows
            .map((r) => r.row)
            .sort()
            .join('\n'),
        )
        .digest('hex');
    }
    return sums;
  }

  it('lists exactly the cases that would diverge, get stuck or be refused under a changed machine, and changes nothing', async () => {
    const before = await checksums();
    const { stdout } = await run(['--candidate', CHANGED, '--json']);
    const report = JSON.parse(stdout);
    const byId = Object.fromEntries(report.cases.map((c: { caseId: string; preview: object }) => [c.caseId, c.preview]));

    expect(report.summary).toEqual({ live: 5, closed: 1, same: 2, diverges: 1, stuck: 1, refused: 1 });
    expect(byId[ids.terminated]).toBeUndefined();
    expect(byId[ids.submitted]).toEqual({ outcome: 'diverges', now: ['application.submitted'], candidate: ['application.received'] });
    expect(byId[ids.running]).toEqual({ outcome: 'stuck', now: ['active.running'], candidate: ['active.running'] });
    expect(byId[ids.recommended]).toMatchObject({ outcome: 'refused', refused: { revision: 6, eventType: 'DecisionRecorded' } });
    expect(byId[ids.signing]).toMatchObject({ outcome: 'same' });
    expect(byId[ids.halfSigned]).toMatchObject({ outcome: 'same', now: ['signing.municipality.signed', 'signing.organisation.unsigned'] });
    expect(await checksums()).toEqual(before);
  }, 30_000);

  it('prints a table for people, and finds every case the same under the current machine', async () => {
    const changed = (await run(['--candidate', CHANGED])).stdout;
    expect(changed).toContain('refused at revision 6 (DecisionRecorded not accepted)');
    expect(changed).toContain('5 live cases (1 closed, not previewed): 2 same, 1 diverge, 1 stuck, 1 refused.');
    expect((await run([])).stdout).toContain('5 live cases (1 closed, not previewed): 5 same, 0 diverge, 0 stuck, 0 refused.');
  }, 30_000);

  it('refuses clearly when there is no database to read, or the candidate is no machine', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'iop-preview-'));
    try {
      await expect(run([], { DATA_DIR: empty })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No database to preview') });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    await expect(run(['--candidate', join(__dirname, '../../package.json')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('exports no machine'),
    });
  }, 30_000);
});
