import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { caseIdOfStream } from '../../src/cases/shared/case-stream';
import { DeadlineScheduler } from '../../src/deadlines/scheduler';
import { TimersProjection } from '../../src/deadlines/timers/timers.projection';
import { EventStore } from '../../src/event-store/event-store.port';
import { formatSwedish, kronor } from '../../src/money';
import { bearer, TestApi, type Caller } from '../support/api';
import { readPdf, squeezed } from '../support/pdf-text';

jest.setTimeout(120_000);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** supertest gives a binary body (PDF, zip) as a Buffer with this parser. */
const binary = (response: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Listed {
  kind: string;
  name: string;
  status: 'draft' | 'final';
  href: string;
  issued: { revision: string; event: string; version: number; sha256: string } | null;
}

/**
 * The demo data on a first start years after its dates: Linköping's agreement has run out (the
 * timer closes it), the others stand where the demo left them. Their documents, the record of
 * what was signed, tampering, and the archive package of the closed case.
 */
describe('documents of the demo cases', () => {
  let api: TestApi;
  const cases = new Map<string, { tenant: string; id: string }>();
  beforeAll(async () => {
    api = await TestApi.start({ DEMO_DATA: 'true' }, new Date('2026-12-01T09:00:00.000Z'));
    const streams = await api.app.get(EventStore).listStreams({ prefix: 'case-' });
    const timers = api.app.get(TimersProjection);
    const scheduler = api.app.get(DeadlineScheduler);
    for (let round = 0; round < 5; round++) {
      for (const s of streams) await timers.refresh(s.tenant, caseIdOfStream(s)!);
      if ((await scheduler.runDue()).batches === 0) break;
    }
    for (const s of streams) {
      const id = caseIdOfStream(s)!;
      const { body } = await api
        .http()
        .get(`/cases/${id}`)
        .set(await official(s.tenant));
      cases.set(body.facts.organisation.name, { tenant: s.tenant, id });
    }
  });
  afterAll(() => api?.stop());

  const official = (tenant: string) => bearer({ roles: ['handlaggare'], tenant });
  const get = async (path: string, caller: Caller) =>
    api
      .http()
      .get(path)
      .set(await bearer(caller));
  const listOf = async (name: string): Promise<Listed[]> => {
    const { tenant, id } = cases.get(name)!;
    return (await get(`/cases/${id}/documents`, { roles: ['handlaggare'], tenant })).body;
  };
  const pdfOf = async (name: string, kind: string) => {
    const { tenant, id } = cases.get(name)!;
    return api
      .http()
      .get(`/cases/${id}/documents/${kind}`)
      .set(await official(tenant))
      .buffer(true)
      .parse(binary);
  };

  it('lists for each case the documents it reached, final with the hash its event recorded, or a draft', async () => {
    const summary = async (name: string) => (await listOf(name)).map((d) => `${d.kind} ${d.status} ${d.issued?.event ?? '-'}`);
    expect(await summary('Brottsofferjouren i Linköping')).toEqual([
      'kvittens final CaseRegistered',
      'tjansteutlatande final ProposalSigned',
      'protokollsutdrag final PostingRecorded',
      'overenskommelse final AgreementSigned',
      'aterrapport draft -',
    ]);
    expect(await summary('Brottsofferjouren i Umeå')).toEqual([
      'kvittens final CaseRegistered',
      'tjansteutlatande final ProposalSigned',
      'protokollsutdrag draft -',
      'overenskommelse draft -',
    ]);
    expect(await summary('Brottsofferjouren Roslagen')).toEqual([
      'kvittens final CaseRegistered',
      'tjansteutlatande final ProposalSigned',
      'protokollsutdrag final PostingRecorded',
      'overenskommelse draft -',
    ]);
    expect(await summary('Kvinnojouren i Österåker')).toEqual([
      'kvittens final CaseRegistered',
      'tjansteutlatande final ProposalSigned',
      'protokollsutdrag final PostingRecorded',
      'overenskommelse final AgreementSigned',
    ]);
  });

  it('gives each as a PDF: a final one the very bytes its event recorded, a draft watermarked', async () => {
    for (const name of cases.keys()) {
      for (const listed of await listOf(name)) {
        const response = await pdfOf(name, listed.kind);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${listed.kind}-[\\w-]+\\.pdf"$`));
        if (listed.issued)
          expect({ name, kind: listed.kind, sha256: sha256(response.body) }).toEqual({ name, kind: listed.kind, sha256: listed.issued.sha256 });
        else expect(squeezed((await readPdf(response.body)).text)).toContain('UTKAST');
      }
    }
  });

  it('writes the agreement from the facts: parties, organisationsnummer, period and money to the öre', async () => {
    const { text } = await readPdf((await pdfOf('Kvinnojouren i Österåker', 'overenskommelse')).body);
    for (const needle of [
      'Österåkers kommun',
      '212000-0035',
      'Kvinnojouren i Österåker',
      '802016-3757',
      '2024-01-01',
      '2026-12-31',
      formatSwedish(kronor(300_000)),
      `2025: Ersättning enligt överenskommelsen, ${formatSwedish(kronor(300_000))}, senast 2025-01-31`,
    ]) {
      expect(squeezed(text)).toContain(squeezed(needle));
    }
    expect(squeezed(text)).not.toContain('UTKAST');
  });

  it('refuses a kind the case has not reached, an unknown kind, and a case the caller may not see', async () => {
    const { tenant, id } = cases.get('Brottsofferjouren Roslagen')!;
    expect((await get(`/cases/${id}/documents/aterrapport`, { roles: ['handlaggare'], tenant })).body).toMatchObject({
      statusCode: 404,
      code: 'DOCUMENT_NOT_FOUND',
    });
    expect((await get(`/cases/${id}/documents/faktura`, { roles: ['handlaggare'], tenant })).body).toMatchObject({
      statusCode: 404,
      code: 'DOCUMENT_NOT_FOUND',
    });
    const stranger = { roles: ['organisation'] as Caller['roles'], tenant, org: '802016-3757' };
    expect((await get(`/cases/${id}/documents`, stranger)).body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
    const own = { roles: ['organisation'] as Caller['roles'], tenant, org: '802478-9128' };
    expect((await get(`/cases/${id}/documents`, own)).status).toBe(200);
  });

  describe('the archive package of the closed case', () => {
    let files: Record<string, Uint8Array>;
    beforeAll(async () => {
      const { tenant, id } = cases.get('Brottsofferjouren i Linköping')!;
      const response = await api
        .http()
        .get(`/cases/${id}/archive-package`)
        .set(await bearer({ roles: ['archivist'], tenant }))
        .buffer(true)
        .parse(binary);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      files = unzipSync(new Uint8Array(response.body));
    });

    it('unpacks to the documents, the event log, the verification, the description and a manifest whose checksums match', () => {
      expect(Object.keys(files).sort()).toEqual([
        'arende.xml',
        'dokument/aterrapport.pdf',
        'dokument/kvittens.pdf',
        'dokument/overenskommelse.pdf',
        'dokument/protokollsutdrag.pdf',
        'dokument/tjansteutlatande.pdf',
        'handelselogg.jsonl',
        'manifest-sha256.txt',
        'verifiering.json',
      ]);
      const manifest = strFromU8(files['manifest-sha256.txt']).trimEnd().split('\n');
      expect(manifest).toHaveLength(8);
      for (const line of manifest) {
        const [hash, path] = line.split('  ');
        expect({ path, hash: sha256(files[path]) }).toEqual({ path, hash });
      }
    });

    it('holds the documents as signed', async () => {
      const signed = (await listOf('Brottsofferjouren i Linköping')).find((d) => d.kind === 'overenskommelse')!;
      expect(sha256(files['dokument/overenskommelse.pdf'])).toBe(signed.issued!.sha256);
    });

    it('describes the case in XML that is valid against docs/archive/arende.xsd', async () => {
      const xml = strFromU8(files['arende.xml']);
      const schema = readFileSync(join(__dirname, '../../docs/archive/arende.xsd'), 'utf8');
      const result = await validateXML({ xml: [{ fileName: 'arende.xml', contents: xml }], schema: [{ fileName: 'arende.xsd', contents: schema }] });
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      for (const needle of [
        '<Diarienummer>SON 2022-1</Diarienummer>',
        '<Organisationsnummer>822004-0417</Organisationsnummer>',
        '<Avslutad>',
        '<Status>Avslutat</Status>',
      ]) {
        expect(xml).toContain(needle);
      }
      expect(xml).toContain(`<Checksumma algoritm="SHA-256">${sha256(files['dokument/overenskommelse.pdf'])}</Checksumma>`);
    });

    it('carries an event log that verifies outside the engine, as the JSON Lines export does', async () => {
      const lines = strFromU8(files['handelselogg.jsonl'])
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const events = lines.slice(0, -1);
      let previous = Buffer.alloc(32);
      for (const { hash, ...event } of events) {
        previous = createHash('sha256').update(previous).update(canonicalize(event)!, 'utf8').digest();
        expect(previous.toString('hex')).toBe(hash);
      }
      expect(events.at(-1).type).toBe('AgreementExpired');
      expect(lines.at(-1).verification).toMatchObject({ intact: true, events: events.length });
      expect(JSON.parse(strFromU8(files['verifiering.json']))).toEqual(lines.at(-1).verification);
      const { tenant, id } = cases.get('Brottsofferjouren i Linköping')!;
      const exported = await get(`/audit/cases/${id}/export?format=jsonl`, { roles: ['auditor'], tenant });
      expect(strFromU8(files['handelselogg.jsonl'])).toBe(exported.text);
    });

    it('is for archivists and admins, and for a closed case only', async () => {
      const { tenant, id } = cases.get('Brottsofferjouren i Linköping')!;
      expect((await get(`/cases/${id}/archive-package`, { roles: ['auditor'], tenant })).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
      const open = cases.get('Kvinnojouren i Österåker')!;
      expect((await get(`/cases/${open.id}/archive-package`, { roles: ['admin'], tenant: open.tenant })).body).toMatchObject({
        statusCode: 409,
        code: 'CASE_NOT_CLOSED',
      });
    });
  });

  it('names the signed documents a tampered event changes, and the event', async () => {
    const { tenant, id } = cases.get('Kvinnojouren i Österåker')!;
    const where = [tenant, `case-${id}`];
    const { rows } = await api.db.pool.query<{ revision: string }>(
      `UPDATE events SET data = jsonb_set(data, '{terms,fundingLines,0,amountPerYear}', '300000000') WHERE tenant = $1 AND stream_id = $2 AND type = 'ProposalDrafted' RETURNING revision`,
      where,
    );
    const signed = (await listOf('Kvinnojouren i Österåker')).filter((d) => d.issued);
    const verdict = (await get(`/audit/cases/${id}/verify`, { roles: ['auditor'], tenant })).body;
    expect(verdict).toMatchObject({ intact: false, problem: { revision: rows[0].revision, what: expect.stringContaining('hash') } });
    const municipalitySigned = signed.find((d) => d.kind === 'overenskommelse')!.issued!;
    expect(verdict.documents).toEqual([
      expect.objectContaining({ kind: 'tjansteutlatande', event: 'ProposalSigned' }),
      {
        kind: 'overenskommelse',
        revision: municipalitySigned.revision,
        event: 'AgreementSigned',
        recordedSha256: municipalitySigned.sha256,
        regeneratedSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });
});
