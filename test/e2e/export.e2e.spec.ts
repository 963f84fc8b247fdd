import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { linkoping } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

describe('GET /audit/cases/:id/export', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId } = await walk(api, 'linkoping', linkoping, [
      'submit',
      'register',
      'assignOfficer',
      'draft',
      'signProposal',
      'schedule',
      'approve',
      'justering',
      'posting',
      'final',
      'signMunicipality',
      'signOrganisation',
    ]));
  });
  afterAll(() => api.stop());

  const exportAs = async (format: string) =>
    api
      .http()
      .get(`/audit/cases/${caseId}/export?format=${format}`)
      .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }));

  it('gives JSON Lines from which anyone can recompute the hash chain, and the verification', async () => {
    const response = await exportAs('jsonl');
    expect(response.headers['content-type']).toMatch(/^application\/jsonl/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="SON-2022-1.jsonl"');
    const lines = response.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const events = lines.slice(0, -1);
    expect(events).toHaveLength(12);
    // An auditor's own check, outside the engine: sha256(previous ‖ JCS(event without its hash)).
    let previous = Buffer.alloc(32);
    for (const { hash, ...event } of events) {
      previous = createHash('sha256').update(previous).update(canonicalize(event)!, 'utf8').digest();
      expect(previous.toString('hex')).toBe(hash);
    }
    expect(lines.at(-1)).toEqual({ caseId, verification: { tenant: 'linkoping', caseId, intact: true, events: 12 } });
  });

  it('gives a CSV for spreadsheets, a row per event with Swedish state labels', async () => {
    const response = await exportAs('csv');
    const rows = response.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('revision,recordedAt,type,actorName,actorRole,stateBefore,stateAfter,payload,hash');
    expect(rows).toHaveLength(13);
    expect(rows[1]).toMatch(/^0,2022-09-01T12:00:00.000Z,ApplicationSubmitted,[^,]*,organisation,Ny,Inkommen,"\{/);
    expect(rows[1]).toContain('""organisationNumber"":""822004-0417""'); // JSON inside a quoted CSV field
  });

  it('gives a printable HTML report with summary, signatures, timeline and verification', async () => {
    const { text } = await exportAs('html');
    expect(text).toContain('<h1>SON 2022-1 – Brottsofferjouren i Linköping</h1>');
    expect(text).toContain('Linda Ljungqvist');
    expect(text).toContain('Intakt: 12 händelser');
    expect(text.match(/<tr><td>\d+<\/td>/g)).toHaveLength(12);
    expect(text).not.toContain('<script');
  });

  it('refuses an unknown format and anyone but auditors and admins', async () => {
    expect((await exportAs('pdf')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const officer = await api
      .http()
      .get(`/audit/cases/${caseId}/export`)
      .set(await bearer({ roles: ['handlaggare'], tenant: 'linkoping' }));
    expect(officer.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
  });
});
