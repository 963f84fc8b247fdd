import { linkoping, osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { bearer, TestApi, type Caller } from '../support/api';
import { eventually } from '../support/eventually';
import { walk } from '../support/seed-walk';

interface Item {
  id: string;
  diarienummer: string | null;
  commands: string[];
  assignedToMe: boolean;
  nextDeadline: { date: string; label: string; status: string } | null;
}

const steps = (seed: object, until: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(until) + 1);
const registrator: Caller = { roles: ['registrator'], tenant: 'linkoping', sub: 'reg' };
const john: Caller = { roles: ['handlaggare'], tenant: 'linkoping', sub: 'john.fristedt', name: 'John Fristedt' };
const otherOfficer: Caller = { roles: ['handlaggare'], tenant: 'linkoping', sub: 'someone.else' };
const secretary: Caller = { roles: ['namndsekreterare'], tenant: 'linkoping', sub: 'sek' };
const auditor: Caller = { roles: ['auditor'], tenant: 'linkoping', sub: 'rev' };

describe('the worklist (GET /worklist)', () => {
  let api: TestApi;
  let registered: string;
  let active: string;
  beforeAll(async () => {
    api = await TestApi.start();
    // Two Linköping cases: one registered without an officer, one active with follow-up under way (officer John Fristedt).
    ({ caseId: registered } = await walk(api, 'linkoping', linkoping, steps(linkoping, 'register')));
    ({ caseId: active } = await walk(api, 'linkoping', linkoping, steps(linkoping, 'strategicMeeting')));
    // Another tenant's case never shows.
    await walk(api, 'osteraker', osterakerBrottsofferjouren, steps(osterakerBrottsofferjouren, 'register'));
    api.on('2024-01-31');
  });
  afterAll(() => api.stop());

  const worklist = async (caller: Caller, query = '') => {
    const response = await api
      .http()
      .get(`/worklist${query}`)
      .set(await bearer(caller));
    expect(response.status).toBe(200);
    return response.body;
  };
  const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);

  it("gives the registrator the registered case without an officer, waiting on assign-officer, and no other tenant's", async () => {
    const body = await eventually(
      () => worklist(registrator),
      (b) => expect(ids(b)).toContain(registered),
    );
    expect(ids(body)).toEqual([registered]);
    expect(body.items[0]).toMatchObject({
      diarienummer: expect.stringMatching(/^SON 2022-\d+$/),
      commands: ['assign-officer'],
      assignedToMe: false,
      reassignable: true,
    });
  });

  it('gives the officer the active case, marked as theirs, with the commands their role may give and its next deadline first', async () => {
    const body = await eventually(
      () => worklist(john),
      (b) => expect(ids(b)).toContain(active),
    );
    const item = body.items.find((i: Item) => i.id === active);
    expect(item.assignedToMe).toBe(true);
    expect(item.reassignable).toBe(false); // an officer does not assign officers
    expect(item.commands).toEqual(expect.arrayContaining(['record-payment']));
    // Optional commands (notice, amendment, renewal) are not what the case waits for.
    expect(item.commands).not.toContain('amend-terms');
    expect(item.commands).not.toContain('start-renewal');
    // Its earliest deadline not yet met, as the case's own deadlines say.
    const { body: own } = await api
      .http()
      .get(`/cases/${active}/deadlines`)
      .set(await bearer(john));
    const open = own.deadlines
      .filter((d: { status: string }) => d.status !== 'met')
      .sort((a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date));
    expect(item.nextDeadline).toEqual({ date: open[0].date, label: open[0].label, status: open[0].status });
    // A registered case waits on the registrator, not on the officer.
    expect(ids(body)).not.toContain(registered);
    expect(body).toMatchObject({ today: '2024-01-31', limit: 50, offset: 0 });
    expect((await worklist(john, '?limit=1&offset=5')).items).toEqual([]);
  });

  it('narrows to the caller’s own cases with mine=true', async () => {
    await eventually(
      () => worklist(otherOfficer),
      (b) => expect(ids(b)).toContain(active),
    );
    expect(ids(await worklist(otherOfficer, '?mine=true'))).toEqual([]);
    expect(ids(await worklist(john, '?mine=true'))).toEqual([active]);
  });

  it("counts the caller's deadlines due today, overdue and coming, from the cases they are the officer of", async () => {
    const body = await eventually(
      () => worklist(john),
      (b) => expect(b.deadlines.dueToday).toBeGreaterThan(0),
    );
    expect(body.deadlines).toMatchObject({ dueToday: 1, upcomingDays: 14 });
    expect(body.deadlines.overdue).toBeGreaterThan(0);
    expect((await worklist(otherOfficer)).deadlines).toEqual({ overdue: 0, dueToday: 0, upcoming: 0, upcomingDays: 14 });
  });

  it('counts open cases per stage, in the order of the lifecycle, for everyone who may see them', async () => {
    const expected = [
      { stage: 'application', label: { sv: 'Ansökan', en: expect.any(String) }, count: 1 },
      { stage: 'active', label: { sv: 'Aktiv', en: expect.any(String) }, count: 1 },
    ];
    for (const caller of [john, auditor]) expect((await worklist(caller)).stages).toEqual(expected);
  });

  it('gives an auditor and a board secretary nothing waiting here: no command of theirs is open on these cases', async () => {
    expect((await worklist(auditor)).items).toEqual([]);
    expect((await worklist(secretary)).total).toBe(0);
  });

  it("shows an organisation's representative only its own organisation's cases", async () => {
    const own = await worklist({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' }, '');
    expect(own.stages.reduce((sum: number, s: { count: number }) => sum + s.count, 0)).toBe(2);
    const stranger = await worklist({ roles: ['organisation'], tenant: 'linkoping', org: '802478-9128' }, '');
    expect(stranger).toMatchObject({ items: [], total: 0, stages: [], deadlines: { overdue: 0, dueToday: 0, upcoming: 0 } });
  });

  it('refuses a malformed filter with 400', async () => {
    const response = await api
      .http()
      .get('/worklist?mine=perhaps')
      .set(await bearer(john));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });
});
