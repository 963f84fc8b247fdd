import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { TestApi, tokenFor } from '../support/api';
import { iopClient, readCase, signLinkopingAgreement, type IopClient, type Role } from '../support/integrator-client';

/**
 * A seed case driven through a client generated from the OpenAPI document, as an integrator would.
 *
 * How the typing is made real: the types openapi-typescript generates are committed
 * (test/support/iop-api.d.ts), so the integrator's code (test/support/integrator-client.ts)
 * imports them like any module and `npm run typecheck` covers it. Two tests keep that honest:
 * the committed types must equal what openapi-typescript makes of the document the service
 * serves now (stale types fail; `npm run api:types` rewrites them), and the integrator's code
 * must compile against them with zero diagnostics, checked here with the compiler API because
 * jest (swc) only strips types. A probe with a wrong body must fail to compile, so that the check
 * is known to bite. Generating into a temp dir instead would leave nothing for tsc to check the
 * client code against.
 */
const COMMITTED_TYPES = resolve(__dirname, '../support/iop-api.d.ts');
const CLIENT = resolve(__dirname, '../support/integrator-client.ts');

/** openapi-typescript's CLI, as an integrator runs it (its ES-module API does not load under jest). */
function generateTypes(document: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'iop-api-types-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    const cli = require.resolve('openapi-typescript/bin/cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'iop-api.d.ts')], { stdio: 'pipe' });
    return readFileSync(join(dir, 'iop-api.d.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Diagnostics of `files` under the project's tsconfig; `extra` adds in-memory files. */
function typeErrors(files: string[], extra: Record<string, string> = {}): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(__dirname, '../../tsconfig.json'),
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile } = host;
  host.fileExists = (name) => name in extra || fileExists(name);
  host.readFile = (name) => extra[name] ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...files, ...Object.keys(extra)], options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('a client generated from the OpenAPI document', () => {
  let api: TestApi;
  let baseUrl: string;
  beforeAll(async () => {
    api = await TestApi.start();
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => api.stop());

  it('is generated from the document the service serves now (committed types are fresh)', async () => {
    const response = await fetch(`${baseUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const generated = generateTypes(await response.json());
    expect(generated).toContain('"/cases/{id}/commands/sign"');
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(COMMITTED_TYPES, generated);
    // On failure: `npm run api:types`, then review the diff of test/support/iop-api.d.ts.
    expect(readFileSync(COMMITTED_TYPES, 'utf8')).toBe(generated);
  });

  it("type-checks the integrator's code against the generated types, and would catch a wrong body", () => {
    const probe = resolve(__dirname, '../support/typecheck-probe.ts');
    const errors = typeErrors([CLIENT], {
      [probe]: `import type { IopClient } from './integrator-client';
        export const wrong = (client: IopClient, id: string) =>
          client.POST('/cases/{id}/commands/sign', { params: { path: { id } }, body: { party: 'nobody', signedOn: 20221212 } });`,
    });
    expect(errors.filter((e) => !e.startsWith(probe))).toEqual([]);
    expect(errors.filter((e) => e.startsWith(probe)).length).toBeGreaterThan(0);
  }, 30_000);

  it('drives Linköping from the application to both signatures over HTTP', async () => {
    const org = '822004-0417';
    const clients = new Map<Role, IopClient>();
    for (const role of ['organisation', 'registrator', 'chef', 'handlaggare', 'namndsekreterare', 'signatory'] as const) {
      clients.set(role, iopClient(baseUrl, await tokenFor({ roles: [role], tenant: 'linkoping', ...(role === 'organisation' && { org }) })));
    }
    api.on('2022-12-12'); // the day the organisation signs: every date in the case lies before it

    const { id, steps } = await signLinkopingAgreement((role) => clients.get(role)!);

    expect(steps.map((s) => [s.command, s.status])).toEqual([
      ['submit-application', 201],
      ...['register', 'assign-officer', 'draft-proposal', 'sign-proposal', 'schedule-meeting', 'record-decision'].map((c) => [c, 200]),
      ...['record-justering', 'record-posting', 'record-final', 'sign', 'sign'].map((c) => [c, 200]),
    ]);
    const revisions = steps.map((s) => BigInt(s.revision));
    expect(revisions).toEqual([...revisions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(revisions).size).toBe(steps.length);

    const { view, etag } = await readCase(clients.get('handlaggare')!, id);
    expect(etag).toBe(`"${view.revision}"`);
    expect(view.revision).toBe(steps[steps.length - 1].revision);
    expect(view.diarienummer).toBe('SON 2022-1');
    expect(view.state).toEqual(steps[steps.length - 1].state);
    expect(view.state.closed).toBe(false);
    expect(view.state.paths.join(' ')).toMatch(/^active/);
    expect(view.allowedCommands).toContain('record-payment');

    // A stale If-Match comes back as a typed ErrorDto, and the case stays where it was.
    const stale = await clients.get('handlaggare')!.POST('/cases/{id}/commands/record-payment', {
      params: { path: { id }, header: { 'If-Match': `"${steps[0].revision}"` } },
      body: { amount: '472200.00', paidOn: '2022-12-12', covers: { start: '2023-01-01', end: '2023-12-31' }, reference: null },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error?.code).toBe('PRECONDITION_FAILED');
    expect((await readCase(clients.get('handlaggare')!, id)).view.revision).toBe(view.revision);
  });
});
