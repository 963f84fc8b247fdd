import { robertsfors, type SeedCase } from '../../src/demo/seed-cases';
import { activeLeaves, decide, evolve, initialSnapshot, type Command } from '../../src/lifecycle';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

/** The oracle: the pure lifecycle, given the seed's commands dated up to and including `date`. */
function pathsOn(seed: SeedCase, date: string): string[] {
  const snapshot = Object.values(seed)
    .filter((command) => command.now.slice(0, 10) <= date)
    .reduce((state, command: Command) => decide(state, command).reduce(evolve, state), initialSnapshot());
  return activeLeaves(snapshot);
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('time travel: GET /cases/:id?asOf=…&revision=…', () => {
  let api: TestApi;
  let caseId: string;
  let answers: Awaited<ReturnType<typeof walk>>['answers'];
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId, answers } = await walk(api, 'robertsfors', robertsfors));
  });
  afterAll(() => api.stop());

  const get = async (query: string) =>
    api
      .http()
      .get(`/cases/${caseId}${query}`)
      .set(await bearer({ roles: ['auditor'], tenant: 'robertsfors' }));

  const decisions = Object.entries(robertsfors).filter(([, command]) => command.type === 'record-decision');

  it.each(decisions.map(([name, command]) => [name, command.now.slice(0, 10)]))(
    'shows the state on the day before and the day after the decision %s (%s)',
    async (_, date) => {
      for (const day of [dayBefore(date), dayAfter(date)]) {
        const { status, body } = await get(`?asOf=${day}T23:59:59Z`);
        expect({ day, status, paths: body.state.paths }).toEqual({ day, status: 200, paths: pathsOn(robertsfors, day) });
      }
    },
  );

  it('shows the case right after any revision, with what was allowed then', async () => {
    const { body } = await get('?revision=6'); // right after the committee's recommendation
    const answer = Object.values(answers).find((a) => a.body.revision === '6')!;
    expect(body).toMatchObject({ revision: '6', state: answer.body.state });
    expect(body.facts.decisions).toHaveLength(1);
    expect(body.allowedCommands).toEqual([]); // an auditor may do nothing, then as now
    const now = (await get('')).body;
    expect(now.facts.decisions).toHaveLength(2);
  });

  it('says a case did not exist yet before its application, and refuses a malformed moment', async () => {
    expect((await get('?asOf=2017-01-01T00:00:00Z')).body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
    expect((await get('?asOf=yesterday')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [{ field: 'asOf' }] } });
  });
});
