/**
 * Before a lifecycle change ships: what would become of every live case (all tenants) under a
 * candidate machine? Each case's stream is replayed against it and reported as the same end state,
 * diverging, stuck (no path to an end) or refused at revision N. Reads in one READ ONLY REPEATABLE
 * READ transaction and changes nothing.
 *
 *   npm run lifecycle:preview-migration -- [--candidate path/to/machine.js] [--json]
 *
 * The candidate module exports a machine (as the module, `default`, `machine`, `caseMachine` or its
 * only machine export); without one, the current machine. The database: DATABASE_URL, else the embedded one in
 * DATA_DIR — the running service's server when it runs, otherwise started for the preview.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { EmbeddedPostgresServer } from '../src/database/embedded-postgres';
import { countOutcomes, previewAll, type CasePreviewRow, type MigrationPreview } from '../src/cases/migrate-machine/preview-all';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { caseMachine, type CaseMachine, type CasePreview } from '../src/lifecycle';
import { SystemClock } from '../src/shared/clock';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { candidate: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const candidate = values.candidate ? loadCandidate(values.candidate) : caseMachine;
  const database = await openDatabase(loadConfig(process.env));
  try {
    const { cases, closed } = await previewFrom(database.url, candidate);
    const summary = { live: cases.length, closed, ...countOutcomes(cases) };
    if (values.json) console.log(JSON.stringify({ candidate: values.candidate ?? 'current machine', summary, cases }, null, 2));
    else printTable(cases, summary);
  } finally {
    await database.stop?.();
  }
}

/** Every case stream, in one consistent read-only snapshot of the database. */
async function previewFrom(url: string, candidate: CaseMachine): Promise<MigrationPreview> {
  const connection = { connectionString: url, application_name: 'iop-preview-migration' };
  const pool = new Pool({ ...connection, max: 1 });
  pool.on('error', () => undefined); // the query that was running reports it
  const store = new PostgresEventStore({ pool, connection, clock: new SystemClock() });
  try {
    return await previewAll(store, candidate);
  } finally {
    await store.close();
    await pool.end();
  }
}

function loadCandidate(path: string): CaseMachine {
  // A compiled CommonJS file named at run time: loaded synchronously, as the CLI's other steps are.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(resolve(path)) as Record<string, unknown>;
  const isMachine = (value: unknown): value is CaseMachine => typeof value === 'object' && value !== null && 'root' in value && 'resolveState' in value;
  const named = [module, module.default, module.machine, module.caseMachine].find(isMachine);
  const any = Object.values(module).filter(isMachine);
  const machine = named ?? (any.length === 1 ? any[0] : undefined);
  if (!machine) throw new Error(`${path} exports no machine: export it as \`default\`, \`machine\` or \`caseMachine\`.`);
  return machine;
}

/**
 * DATABASE_URL; else the embedded cluster in DATA_DIR: the running service's server (found by its
 * lock file), or one started here and stopped afterwards. Starting a second server on a cluster
 * in use would take it from the service, so a live lock file is always followed.
 */
async function openDatabase(config: AppConfig): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const clusterDir = resolve(config.DATA_DIR, 'pg');
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new Error(
      `No database to preview: DATABASE_URL is not set and there is no embedded database in ${clusterDir} (start the service once, or set DATA_DIR).`,
    );
  }
  const server = new EmbeddedPostgresServer({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
  const running = await server.runningUrl();
  if (running) {
    console.error("The service's database is running; reading it read-only.");
    return { url: running };
  }
  return { url: await server.start(), stop: () => server.stop() };
}

function printTable(cases: readonly CasePreviewRow[], summary: Record<string, number>): void {
  const verdict = ({ outcome, refused }: CasePreview) =>
    outcome === 'refused' ? `refused at revision ${refused!.revision} (${refused!.eventType} not accepted)` : outcome === 'same' ? 'same end state' : outcome;
  if (cases.length > 0) {
    console.table(
      cases.map((c) => ({
        tenant: c.tenant,
        case: c.diarienummer ?? c.caseId,
        now: c.preview.now.join(' + '),
        candidate: c.preview.candidate.join(' + '),
        verdict: verdict(c.preview),
      })),
    );
  }
  console.log(
    `${summary.live} live cases (${summary.closed} closed, not previewed): ${summary.same} same, ${summary.diverges} diverge, ${summary.stuck} stuck, ${summary.refused} refused.`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
