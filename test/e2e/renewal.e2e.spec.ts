import type { SeedCase } from '../../src/demo/seed-cases';
import { linkoping } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

/** The same steps three years on: the next agreement period's case. */
const threeYearsOn = (seed: SeedCase): SeedCase =>
  JSON.parse(JSON.stringify(seed).replace(/\b(20\d\d)-(\d\d)-(\d\d)/g, (_, year: string, month: string, day: string) => `${Number(year) + 3}-${month}-${day}`));

describe('renewal', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  it('opens a linked new case, and ends the old one as renewed once both parties have signed the new one', async () => {
    const officer = await bearer({ roles: ['handlaggare'], tenant: 'linkoping' });
    const { caseId: current } = await walk(api, 'linkoping', linkoping, [
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
    ]);

    api.on('2025-04-01');
    const started = await api.http().post(`/cases/${current}/commands/start-renewal`).set(officer).send({ startedOn: '2025-04-01' });
    expect(started.body.state.paths).toEqual(['active.renewing']);
    const next = (await api.http().get(`/cases/${current}`).set(officer)).body.facts.renewal.newCaseId;
    const opened = (await api.http().get(`/cases/${next}`).set(officer)).body;
    expect(opened).toMatchObject({
      state: { paths: ['application.submitted'] },
      facts: { previousCaseId: current, organisation: { name: 'Brottsofferjouren i Linköping' } },
    });

    // Three years on, the window from the posting (Saturday 2025-11-15) ends on a Saturday and moves
    // to Monday 2025-12-08 (Lag 1930:173): the decision is final from the 9th.
    const following = { ...threeYearsOn(linkoping), final: { ...linkoping.final, now: '2025-12-09T12:00:00Z' } };
    await walk(
      api,
      'linkoping',
      following,
      ['register', 'assignOfficer', 'draft', 'signProposal', 'schedule', 'approve', 'justering', 'posting', 'final', 'signMunicipality', 'signOrganisation'],
      next,
    );

    const deadline = Date.now() + 10_000;
    let state: string[] = [];
    while (Date.now() < deadline && state[0] !== 'renewed') {
      state = (await api.http().get(`/cases/${current}`).set(officer)).body.state.paths;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toEqual(['renewed']);
    expect((await api.http().get(`/cases/${current}`).set(officer)).body.facts.renewal).toMatchObject({ newCaseId: next, completedOn: '2025-12-12' });
  });
});
