/**
 * The auditors' command line, a client of a running service (read-only, auditor role):
 *
 *   npm run audit -- verify [--tenant osteraker]            every case, with progress and a summary
 *   npm run audit -- history "KS 2023/01692" --tenant osteraker
 *
 * IOP_URL (default http://127.0.0.1:3000) names the service; IOP_TOKEN an auditor's bearer token —
 * without it, one is minted with the local key (JWT_SECRET or DATA_DIR), as `npm run token` does.
 */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { hs256Key, mintToken } from '../src/auth/signing-key';
import { loadConfig } from '../src/config/app-config';

interface Options {
  readonly url: string;
  readonly token: string;
}

interface CaseList {
  items: { id: string; diarienummer: string | null }[];
  total: number;
}
interface Verdict {
  intact: boolean;
  events: number;
  problem?: { revision: string; what: string };
}
interface History {
  events: { revision: string; recordedAt: string; type: string; actor: { name: string; role: string }; stateAfter: { label: { sv: string } } }[];
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { tenant: { type: 'string', default: process.env.IOP_TENANT } } });
  const [command, diarienummer] = positionals;
  if (!values.tenant || (command !== 'verify' && !(command === 'history' && diarienummer))) {
    console.error('Usage: npm run audit -- verify --tenant <tenant>\n       npm run audit -- history "<diarienummer>" --tenant <tenant>');
    process.exit(2);
  }
  const options = { url: process.env.IOP_URL ?? 'http://127.0.0.1:3000', token: process.env.IOP_TOKEN ?? (await auditorToken(values.tenant)) };
  process.exitCode = command === 'verify' ? await verify(options) : await history(options, diarienummer);
}

/** Verifies each case in turn, so that progress shows; exits 1 if anything does not verify. */
async function verify(options: Options): Promise<number> {
  const cases: { id: string; diarienummer: string | null }[] = [];
  for (let offset = 0, total = Infinity; offset < total; offset += 200) {
    const page = await get<CaseList>(options, `/cases?limit=200&offset=${offset}`);
    cases.push(...page.items);
    total = page.total;
  }
  const bar = new SingleBar({ format: 'Verifierar {bar} {value}/{total} ärenden', hideCursor: true, noTTYOutput: true });
  bar.start(cases.length, 0);
  const broken: string[] = [];
  let events = 0;
  for (const c of cases) {
    const verdict = await get<Verdict>(options, `/audit/cases/${c.id}/verify`);
    events += verdict.events;
    if (verdict.problem) broken.push(`${c.diarienummer ?? c.id}: revision ${verdict.problem.revision}: ${verdict.problem.what}`);
    bar.increment();
  }
  bar.stop();
  const anchors = await get<{ intact: boolean; latest?: { hash: string } }>(options, '/audit/anchors');
  console.log(`${cases.length} ärenden, ${events} händelser: ${broken.length === 0 ? 'intakta' : `${broken.length} stämmer inte`}`);
  for (const line of broken) console.log(`  ✗ ${line}`);
  console.log(`Globalt ankare: ${anchors.intact ? 'intakt' : 'stämmer inte'}${anchors.latest ? `; spara utanför systemet: ${anchors.latest.hash}` : ''}`);
  return broken.length === 0 && anchors.intact ? 0 : 1;
}

/** Prints a case's history as a table: when, who, what, and the state it led to. */
async function history(options: Options, diarienummer: string): Promise<number> {
  const { items } = await get<CaseList>(options, `/cases?diarienummer=${encodeURIComponent(diarienummer)}`);
  if (items.length === 0) {
    console.error(`Inget ärende ${diarienummer}.`);
    return 1;
  }
  const { events } = await get<History>(options, `/cases/${items[0].id}/history`);
  console.table(
    events.map((e) => ({
      '#': e.revision,
      tid: e.recordedAt,
      händelse: e.type,
      av: `${e.actor.name} (${e.actor.role})`,
      'läge efter': e.stateAfter.label.sv,
    })),
  );
  return 0;
}

async function get<T>(options: Options, path: string): Promise<T> {
  const response = await fetch(options.url + path, { headers: { Authorization: `Bearer ${options.token}` } });
  const body = (await response.json()) as T & { code?: string; message?: string };
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.code ?? ''} ${body.message ?? ''}`);
  return body;
}

async function auditorToken(tenant: string): Promise<string> {
  const config = loadConfig(process.env);
  const claims = { sub: 'audit-cli', name: 'Revisor (kommandorad)', roles: ['auditor'], tenant };
  return mintToken(claims, hs256Key(config.JWT_SECRET, config.DATA_DIR), { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
