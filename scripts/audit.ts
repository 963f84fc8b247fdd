/**
 * The auditors' command line, a client of a running service (read-only, auditor role):
 *
 *   npm run audit -- verify [--tenant osteraker] [--anchor <kept hash>]   every stream, with progress and a summary per kind
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
interface VerifyPage {
  cases: number;
  events: number;
  broken: { caseId: string; problem: { revision: string; what: string } }[];
  kinds: { kind: string; streams: number; events: number; broken: { tenant: string; stream: string; problem: { revision: string; what: string } }[] }[];
  anchors?: { intact: boolean; latest?: { hash: string }; problems: { what: string }[] };
  next?: string;
}
interface History {
  events: { revision: string; recordedAt: string; type: string; actor: { name: string; role: string }; stateAfter: { label: { sv: string } } }[];
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { tenant: { type: 'string', default: process.env.IOP_TENANT }, anchor: { type: 'string' } },
  });
  const [command, diarienummer] = positionals;
  if (!values.tenant || (command !== 'verify' && !(command === 'history' && diarienummer))) {
    console.error(
      'Usage: npm run audit -- verify --tenant <tenant> [--anchor <the anchor hash you kept>]\n       npm run audit -- history "<diarienummer>" --tenant <tenant>',
    );
    process.exit(2);
  }
  const options = { url: process.env.IOP_URL ?? 'http://127.0.0.1:3000', token: process.env.IOP_TOKEN ?? (await auditorToken(values.tenant)) };
  process.exitCode = command === 'verify' ? await verify(options, values.anchor) : await history(options, diarienummer);
}

/** Cases verified per request: the progress bar moves once per page. */
const PAGE = 200;

/**
 * Verifies the tenant's case streams through the service a page at a time, so that progress
 * shows, and the global anchor (against the hash the auditor kept, if given); exits 1 if
 * anything does not verify.
 */
async function verify(options: Options, kept: string | undefined): Promise<number> {
  const names = await caseNames(options);
  const bar = new SingleBar({ format: 'Verifierar {bar} {value}/{total} ärenden', hideCursor: true, noTTYOutput: true });
  bar.start(names.size, 0);
  const broken: string[] = [];
  let cases = 0;
  let events = 0;
  const kinds = new Map<string, { streams: number; events: number; broken: string[] }>();
  let anchors: VerifyPage['anchors'];
  let after: string | undefined;
  do {
    const page = await post<VerifyPage>(options, '/audit/verify', { limit: PAGE, ...(after ? { after } : kept && { anchor: kept }) });
    anchors ??= page.anchors;
    cases += page.cases;
    events += page.events;
    for (const b of page.broken) broken.push(`${names.get(b.caseId) ?? b.caseId}: revision ${b.problem.revision}: ${b.problem.what}`);
    for (const { kind, streams, events: count, broken: bad } of page.kinds) {
      const tally = kinds.get(kind) ?? { streams: 0, events: 0, broken: [] };
      kinds.set(kind, {
        streams: tally.streams + streams,
        events: tally.events + count,
        broken: [...tally.broken, ...(kind === 'case' ? [] : bad.map((b) => `${b.stream}: revision ${b.problem.revision}: ${b.problem.what}`))],
      });
    }
    if (cases > names.size) bar.setTotal(cases);
    bar.update(cases);
    after = page.next;
  } while (after);
  bar.stop();
  const otherBroken = [...kinds.values()].reduce((sum, k) => sum + k.broken.length, 0);
  console.log(
    `${cases} ärenden, ${events} händelser: ${broken.length + otherBroken === 0 ? 'intakta' : `${broken.length + otherBroken} strömmar stämmer inte`}`,
  );
  for (const [kind, tally] of kinds) {
    const brokenCount = kind === 'case' ? broken.length : tally.broken.length;
    const counts = `${count(tally.streams, 'ström', 'strömmar')}, ${count(tally.events, 'händelse', 'händelser')}`;
    console.log(`  ${KIND_LABELS[kind] ?? kind}: ${counts}, ${brokenCount === 0 ? 'intakta' : `${brokenCount} stämmer inte`}`);
    for (const line of kind === 'case' ? broken : tally.broken) console.log(`    ✗ ${line}`);
  }
  if (cases !== names.size) console.log(`  ✗ ärendelistan har ${names.size} ärenden, händelselagret ${cases}`);
  console.log(`Globalt ankare: ${anchors?.intact ? 'intakt' : 'stämmer inte'}${anchors?.latest ? `; spara utanför systemet: ${anchors.latest.hash}` : ''}`);
  for (const problem of anchors?.problems ?? []) console.log(`  ✗ ${problem.what}`);
  return broken.length + otherBroken === 0 && cases === names.size && anchors?.intact ? 0 : 1;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The kinds of stream as the summary names them. */
const KIND_LABELS: Record<string, string> = {
  case: 'ärenden',
  diarium: 'diarieserier',
  erasure: 'raderingar',
  'reference-data': 'referensdata',
  other: 'övriga strömmar',
};

/** Every case of the tenant by id, with its diarienummer where it has one: how the summary names them. */
async function caseNames(options: Options): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let offset = 0, total = Infinity; offset < total; offset += 200) {
    const page = await get<CaseList>(options, `/cases?limit=200&offset=${offset}`);
    for (const c of page.items) names.set(c.id, c.diarienummer ?? c.id);
    total = page.total;
  }
  return names;
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

function get<T>(options: Options, path: string): Promise<T> {
  return call<T>(options, path, { headers: { Authorization: `Bearer ${options.token}` } });
}

function post<T>(options: Options, path: string, body: object): Promise<T> {
  return call<T>(options, path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function call<T>(options: Options, path: string, init: RequestInit): Promise<T> {
  const response = await fetch(options.url + path, init);
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
