import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import canonicalize from 'canonicalize';
import { linkoping } from '../../src/demo/seed-cases';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import { bearer, JWT_SECRET, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

const CLI = join(__dirname, '../../dist/scripts/audit.js');
const TENANT = 'linkoping';
const PERSON = { name: 'Ylvali Qvarnström', email: 'Ylvali.Q@exempel-mejl.se', phone: '070-555 12 34' };
/** Every piece of the person's data, as it could show up anywhere (case does not matter). */
const NEEDLES = ['Ylvali', 'Qvarnstr', 'exempel-mejl', '555 12 34', '5551234'];
const ERASED_PERSON = { name: '[raderad]', email: '[raderad]', phone: '[raderad]', erased: true };

const found = (text: string): string[] => NEEDLES.filter((needle) => text.toLowerCase().includes(needle.toLowerCase()));

/** An application by Linköping's organisation with a contact person: a new case. */
async function submitWithContact(api: TestApi, contactPerson: object): Promise<{ caseId: string; subjectId: string }> {
  const { date, body } = seedRequest(linkoping.submit);
  api.on(date);
  const organisation = await bearer({ roles: ['organisation'], tenant: TENANT, org: applicantOf(linkoping.submit), name: 'Ombud för föreningen' });
  const submitted = await api
    .http()
    .post('/cases')
    .set(organisation)
    .send({ ...body, contactPerson });
  expect(submitted.status).toBe(201);
  const caseId = submitted.body.id as string;
  const view = await api
    .http()
    .get(`/cases/${caseId}`)
    .set(await bearer({ roles: ['handlaggare'], tenant: TENANT }));
  return { caseId, subjectId: view.body.facts.contactPerson.subjectId };
}

/** The text of every row of every table, as the database holds it. */
async function everyTable(api: TestApi): Promise<Record<string, string>> {
  const { rows: tables } = await api.db.pool.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const text: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await api.db.pool.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
    text[name] = rows.map((r) => r.row).join('\n');
  }
  return text;
}

describe('erasure of personal data (GDPR)', () => {
  let api: TestApi;
  let caseId: string;
  let subjectId: string;
  const officer = () => bearer({ roles: ['handlaggare'], tenant: TENANT });
  const auditor = () => bearer({ roles: ['auditor'], tenant: TENANT });
  const admin = () => bearer({ roles: ['admin'], tenant: TENANT, name: 'Dataskyddsombudet' });

  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId, subjectId } = await submitWithContact(api, PERSON));
    await walk(api, TENANT, linkoping, ['register', 'assignOfficer', 'draft', 'signProposal'], caseId);
    await api
      .http()
      .post('/audit/anchors')
      .set(await admin());
  });
  afterAll(() => api.stop());

  /** Every read path an official or auditor has to this case, as response texts by name. */
  async function everyResponse(): Promise<Record<string, string>> {
    const get = async (path: string, as: Record<string, string>) => {
      const response = await api.http().get(path).set(as);
      expect(response.status).toBe(200);
      return response.text;
    };
    const [registered] = (
      await api
        .http()
        .get(`/cases/${caseId}/history`)
        .set(await auditor())
    ).body.events.slice(1);
    return {
      case: await get(`/cases/${caseId}`, await officer()),
      'case at revision 0': await get(`/cases/${caseId}?revision=0`, await auditor()),
      'case as of registration': await get(`/cases/${caseId}?asOf=${encodeURIComponent(registered.recordedAt)}`, await auditor()),
      history: await get(`/cases/${caseId}/history`, await auditor()),
      list: await get('/cases', await officer()),
      'list by diarienummer': await get('/cases?diarienummer=SON%202022-1', await officer()),
      jsonl: await get(`/audit/cases/${caseId}/export?format=jsonl`, await auditor()),
      csv: await get(`/audit/cases/${caseId}/export?format=csv`, await auditor()),
      html: await get(`/audit/cases/${caseId}/export?format=html`, await auditor()),
      verify: await get(`/audit/cases/${caseId}/verify`, await auditor()),
      anchors: await get('/audit/anchors', await auditor()),
      'verify all': (
        await api
          .http()
          .post('/audit/verify')
          .set(await auditor())
      ).text,
    };
  }

  it('shows the contact person to officials, but keeps only ciphertext in the database', async () => {
    const view = (
      await api
        .http()
        .get(`/cases/${caseId}`)
        .set(await officer())
    ).body;
    expect(view.facts.contactPerson).toEqual({ subjectId, ...PERSON, erased: false });
    const history = (
      await api
        .http()
        .get(`/cases/${caseId}/history`)
        .set(await auditor())
    ).body;
    expect(history.events[0].payload.contactPerson).toEqual({ subjectId, ...PERSON, erased: false });
    for (const [table, text] of Object.entries(await everyTable(api))) expect({ table, found: found(text) }).toEqual({ table, found: [] });
    const { rows } = await api.db.pool.query(`SELECT data->'contactPerson' AS person FROM events WHERE tenant = $1 AND type = 'ApplicationSubmitted'`, [
      TENANT,
    ]);
    expect(rows[0].person).toEqual({
      subjectId,
      name: expect.stringMatching(/^pd1:/),
      email: expect.stringMatching(/^pd1:/),
      phone: expect.stringMatching(/^pd1:/),
    });
  });

  it('refuses erasure to anyone but an admin, and changes nothing then', async () => {
    for (const roles of [['handlaggare'], ['auditor'], ['organisation']] as const) {
      const as = await bearer({ roles: [...roles], tenant: TENANT, org: applicantOf(linkoping.submit) });
      expect((await api.http().delete(`/data-subjects/${subjectId}`).set(as)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
      expect((await api.http().post('/data-subjects/erasures').set(as).send({ email: PERSON.email })).body).toMatchObject({
        statusCode: 403,
        code: 'FORBIDDEN_ROLE',
      });
    }
    expect(
      (
        await api
          .http()
          .get(`/cases/${caseId}`)
          .set(await officer())
      ).body.facts.contactPerson.erased,
    ).toBe(false);
  });

  it('answers 404 for an unknown subject or email, and 400 for what is not an email', async () => {
    expect(
      (
        await api
          .http()
          .delete('/data-subjects/00000000-0000-4000-8000-000000000000')
          .set(await admin())
      ).body,
    ).toMatchObject({ statusCode: 404, code: 'DATA_SUBJECT_NOT_FOUND' });
    expect(
      (
        await api
          .http()
          .delete('/data-subjects/not-a-subject')
          .set(await admin())
      ).body,
    ).toMatchObject({ statusCode: 404, code: 'DATA_SUBJECT_NOT_FOUND' });
    expect(
      (
        await api
          .http()
          .post('/data-subjects/erasures')
          .set(await admin())
          .send({ email: 'nobody@exempel.se' })
      ).body,
    ).toMatchObject({ statusCode: 404, code: 'DATA_SUBJECT_NOT_FOUND' });
    expect(
      (
        await api
          .http()
          .post('/data-subjects/erasures')
          .set(await admin())
          .send({ email: 'Ylvali' })
      ).body,
    ).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    // Another tenant's admin does not find this tenant's subject.
    const elsewhere = await bearer({ roles: ['admin'], tenant: 'osteraker' });
    expect((await api.http().delete(`/data-subjects/${subjectId}`).set(elsewhere)).body).toMatchObject({ statusCode: 404, code: 'DATA_SUBJECT_NOT_FOUND' });
  });

  describe('after the person asks to be erased', () => {
    let erasure: Record<string, unknown>;
    beforeAll(async () => {
      api.on('2023-02-01');
      const response = await api
        .http()
        .post('/data-subjects/erasures')
        .set(await admin())
        .send({ email: '  YLVALI.Q@Exempel-Mejl.se ' });
      expect(response.status).toBe(201);
      erasure = response.body;
      // The case list follows the stream by subscription: wait until it shows the last revision.
      for (let tries = 0; ; tries++) {
        const { items } = (
          await api
            .http()
            .get('/cases')
            .set(await officer())
        ).body;
        if (items.some((item: { id: string; revision: string }) => item.id === caseId && item.revision === '4')) break;
        if (tries > 200) throw new Error('the case list did not catch up');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });

    it('records the erasure as an event of its own, with no personal data in it', async () => {
      expect(erasure).toEqual({ subjectId, erasedAt: '2023-02-01T12:00:00.000Z', stream: 'data-subject-erasures', revision: '0' });
      const { rows } = await api.db.pool.query(`SELECT type, data, metadata FROM events WHERE tenant = $1 AND stream_id = 'data-subject-erasures'`, [TENANT]);
      expect(rows).toEqual([
        {
          type: 'DataSubjectErased',
          data: { subjectId, erasedAt: '2023-02-01T12:00:00.000Z' },
          metadata: expect.objectContaining({ actorName: 'Dataskyddsombudet', actorRole: 'admin' }),
        },
      ]);
    });

    it('shows [raderad] for every personal field, and the person nowhere, in any query or export', async () => {
      const responses = await everyResponse();
      for (const [name, text] of Object.entries(responses)) expect({ name, found: found(text) }).toEqual({ name, found: [] });

      expect(JSON.parse(responses.case).facts.contactPerson).toEqual({ subjectId, ...ERASED_PERSON });
      expect(JSON.parse(responses['case at revision 0']).facts.contactPerson).toEqual({ subjectId, ...ERASED_PERSON });
      expect(JSON.parse(responses.history).events[0].payload.contactPerson).toEqual({ subjectId, ...ERASED_PERSON });
      expect(responses.csv).toContain('""name"":""[raderad]""');
      expect(responses.html).toContain('<th>Kontaktperson</th><td>[raderad], [raderad], [raderad]</td>');
      const lines = responses.jsonl
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.at(-1)).toEqual({
        caseId,
        verification: { tenant: TENANT, caseId, intact: true, events: 5 },
        personalData: [{ revision: '0', field: 'contactPerson', value: { subjectId, ...ERASED_PERSON } }],
      });
    });

    it('still verifies: the hash chain covers the ciphertext, which is still there', async () => {
      expect(
        (
          await api
            .http()
            .get(`/audit/cases/${caseId}/verify`)
            .set(await auditor())
        ).body,
      ).toEqual({ tenant: TENANT, caseId, intact: true, events: 5 });
      const all = (
        await api
          .http()
          .post('/audit/verify')
          .set(await auditor())
      ).body;
      expect(all).toMatchObject({ intact: true, broken: [], anchors: { intact: true } });
      // And outside the engine, from the export alone.
      const jsonl = (
        await api
          .http()
          .get(`/audit/cases/${caseId}/export?format=jsonl`)
          .set(await auditor())
      ).text;
      let previous = Buffer.alloc(32);
      for (const { hash, ...event } of jsonl
        .trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line))) {
        previous = createHash('sha256').update(previous).update(canonicalize(event)!, 'utf8').digest();
        expect(previous.toString('hex')).toBe(hash);
      }
    });

    it('leaves the person in no table of the database', async () => {
      for (const [table, text] of Object.entries(await everyTable(api))) expect({ table, found: found(text) }).toEqual({ table, found: [] });
      const { rows } = await api.db.pool.query('SELECT email_lookup, wrapped_key, erased_at FROM data_subjects WHERE subject_id = $1', [subjectId]);
      expect(rows).toEqual([{ email_lookup: null, wrapped_key: null, erased_at: new Date('2023-02-01T12:00:00.000Z') }]);
    });

    it("keeps the person out of the auditors' command line", async () => {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
      await api.app.listen(0, '127.0.0.1');
      const { port } = api.app.getHttpServer().address() as AddressInfo;
      const env = { ...process.env, IOP_URL: `http://127.0.0.1:${port}`, JWT_SECRET };
      const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'history', 'SON 2022-1', '--tenant', TENANT], { env });
      expect(stdout).toContain('ApplicationSubmitted');
      expect(found(stdout)).toEqual([]);
    });

    it('lets the case go on', async () => {
      await walk(api, TENANT, linkoping, ['schedule'], caseId);
      expect(
        (
          await api
            .http()
            .get(`/cases/${caseId}`)
            .set(await officer())
        ).body,
      ).toMatchObject({ revision: '5', facts: { contactPerson: { subjectId, ...ERASED_PERSON } } });
    });

    it('refuses a second erasure: 409 by subject id; by email the person is not found any more', async () => {
      expect(
        (
          await api
            .http()
            .delete(`/data-subjects/${subjectId}`)
            .set(await admin())
        ).body,
      ).toMatchObject({
        statusCode: 409,
        code: 'DATA_SUBJECT_ERASED',
        details: { subjectId, erasedAt: '2023-02-01T12:00:00.000Z' },
      });
      expect(
        (
          await api
            .http()
            .post('/data-subjects/erasures')
            .set(await admin())
            .send({ email: PERSON.email })
        ).body,
      ).toMatchObject({ statusCode: 404, code: 'DATA_SUBJECT_NOT_FOUND' });
      const { rows } = await api.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = 'data-subject-erasures'`);
      expect(rows[0].n).toBe(1);
    });

    it('makes a new data subject when the same email is given again', async () => {
      const again = await submitWithContact(api, { name: PERSON.name, email: PERSON.email });
      expect(again.subjectId).not.toBe(subjectId);
      const view = (
        await api
          .http()
          .get(`/cases/${again.caseId}`)
          .set(await officer())
      ).body;
      expect(view.facts.contactPerson).toEqual({ subjectId: again.subjectId, name: PERSON.name, email: PERSON.email, phone: null, erased: false });
      // The earlier case still reads [raderad]: the new subject has a key of its own.
      expect(
        (
          await api
            .http()
            .get(`/cases/${caseId}`)
            .set(await officer())
        ).body.facts.contactPerson,
      ).toEqual({ subjectId, ...ERASED_PERSON });
      // Erased by id this time.
      const erased = await api
        .http()
        .delete(`/data-subjects/${again.subjectId}`)
        .set(await admin());
      expect(erased.body).toMatchObject({ subjectId: again.subjectId, stream: 'data-subject-erasures', revision: '1' });
      expect(
        (
          await api
            .http()
            .get(`/cases/${again.caseId}`)
            .set(await officer())
        ).body.facts.contactPerson,
      ).toMatchObject({ name: '[raderad]', phone: null, erased: true });
    });
  });

  it('shares one data subject between the cases of one person', async () => {
    const first = await submitWithContact(api, { name: 'Bo Ek', email: 'bo.ek@exempel.org' });
    const second = await submitWithContact(api, { name: 'Bo Ek', email: 'BO.EK@exempel.org', phone: '08-123' });
    expect(second.subjectId).toBe(first.subjectId);
  });

  it('erases once when two admins erase the same person at the same moment, and records it once', async () => {
    const { subjectId: both } = await submitWithContact(api, { name: 'Ture Holm', email: 'ture.holm@exempel.org' });
    const answers = await Promise.all(
      [0, 1].map(
        async () =>
          (
            await api
              .http()
              .delete(`/data-subjects/${both}`)
              .set(await admin())
          ).status,
      ),
    );
    expect(answers.sort()).toEqual([200, 409]);
    const { rows } = await api.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = 'data-subject-erasures' AND data->>'subjectId' = $1`, [
      both,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('answers 500 PERSONAL_DATA_UNREADABLE when a key is missing that was never erased', async () => {
    const { caseId: other, subjectId: lost } = await submitWithContact(api, { name: 'Per Lund', email: 'per.lund@exempel.org' });
    await api.db.pool.query('DELETE FROM data_subjects WHERE subject_id = $1', [lost]);
    expect(
      (
        await api
          .http()
          .get(`/cases/${other}`)
          .set(await officer())
      ).body,
    ).toMatchObject({ statusCode: 500, code: 'PERSONAL_DATA_UNREADABLE' });
    expect(
      (
        await api
          .http()
          .get(`/cases/${other}/history`)
          .set(await auditor())
      ).body,
    ).toMatchObject({ statusCode: 500, code: 'PERSONAL_DATA_UNREADABLE' });
    // Commands and verification never open personal data: the case goes on, and still verifies.
    await walk(api, TENANT, linkoping, ['register'], other);
    expect(
      (
        await api
          .http()
          .get(`/audit/cases/${other}/verify`)
          .set(await auditor())
      ).body,
    ).toMatchObject({ intact: true, events: 2 });
  });

  it('carries the contact person into the renewal, as the same data subject', async () => {
    const person = { name: 'Karin Sandell', email: 'karin.sandell@exempel.org', phone: null };
    const { caseId: current, subjectId: karin } = await submitWithContact(api, person);
    await walk(
      api,
      TENANT,
      linkoping,
      ['register', 'assignOfficer', 'draft', 'signProposal', 'schedule', 'approve', 'justering', 'posting', 'final', 'signMunicipality', 'signOrganisation'],
      current,
    );
    api.on('2025-04-01');
    await api
      .http()
      .post(`/cases/${current}/commands/start-renewal`)
      .set(await officer())
      .send({ startedOn: '2025-04-01' })
      .expect(200);
    const next = (
      await api
        .http()
        .get(`/cases/${current}`)
        .set(await officer())
    ).body.facts.renewal.newCaseId;
    expect(
      (
        await api
          .http()
          .get(`/cases/${next}`)
          .set(await officer())
      ).body.facts.contactPerson,
    ).toEqual({ subjectId: karin, ...person, erased: false });
    await api
      .http()
      .delete(`/data-subjects/${karin}`)
      .set(await admin())
      .expect(200);
    for (const id of [current, next])
      expect(
        (
          await api
            .http()
            .get(`/cases/${id}`)
            .set(await officer())
        ).body.facts.contactPerson,
      ).toMatchObject({ subjectId: karin, name: '[raderad]', erased: true });
  });
});
