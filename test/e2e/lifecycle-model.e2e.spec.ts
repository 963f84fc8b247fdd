import { linkoping } from '../../src/demo/seed-cases';
import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import {
  activeLeaves,
  allowedCommands,
  CLOSED_TAG,
  COMMAND_TYPES,
  commandRoles,
  initialSnapshot,
  ROLES,
  stateLabel,
  type CaseSnapshot,
  type CommandType,
  type Role,
} from '../../src/lifecycle';
import { bearer, TestApi } from '../support/api';
import { caseModel, coveringWalks, takeEdge, type ModelEdge } from '../support/lifecycle-model';
import { commandPath } from '../support/seed-walk';

/**
 * Model-based over HTTP: the machine's graph (xstate/graph, with the sample commands of the
 * domain's model test) is covered by walks from `new`, each driven through the API as a fresh case.
 * After every step the API must agree with the pure machine: the state, what each caller may do
 * next, and — on a state's first visit — a 409 for every command the state does not allow.
 */
const TENANT = 'linkoping';
const ORG = applicantOf(linkoping.submit);
const MUNICIPAL_ROLES = ROLES.filter((role) => role !== 'organisation');

const model = caseModel();
const walks = coveringWalks(model);
/** A request the DTOs accept for every command type, from an edge that gives it. */
const requests = new Map(model.edges.map((edge) => [edge.command.type, seedRequest(edge.command)]));
const refusable = (snapshot: CaseSnapshot) => [...requests.keys()].filter((type) => type !== 'submit-application' && !allowedCommands(snapshot).includes(type));
const permitted = (snapshot: CaseSnapshot, roles: readonly Role[]): CommandType[] =>
  allowedCommands(snapshot).filter((type) => commandRoles[type].some((role) => roles.includes(role)));

describe('the API follows the lifecycle machine through every state and transition', () => {
  let api: TestApi;
  // `new` is the case before its first command: the API has no case to show for it.
  const visited = new Set<string>([model.initial]);
  const taken = new Set<ModelEdge>();
  const refused = new Set<CommandType>();
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.stop());

  const callerAs = (role: Role) => bearer({ roles: [role], tenant: TENANT, ...(role === 'organisation' && { org: ORG }) });
  const municipality = () => bearer({ roles: MUNICIPAL_ROLES, tenant: TENANT });
  const organisation = () => callerAs('organisation');
  const getCase = async (id: string, as: Promise<Record<string, string>>) =>
    (
      await api
        .http()
        .get(`/cases/${id}`)
        .set(await as)
    ).body;

  /** Takes one edge over HTTP and checks the case against the machine's snapshot after it. */
  async function take(caseId: string, snapshot: CaseSnapshot, edge: ModelEdge): Promise<{ caseId: string; next: CaseSnapshot }> {
    const { step, next } = takeEdge(snapshot, edge);
    const where = `${edge.from} --${edge.label}--> ${edge.to}`;
    const { type, date, role, body } = seedRequest(step.command);
    api.on(date);
    const answer = await api
      .http()
      .post(commandPath(caseId, type))
      .set(await callerAs(role))
      .send(body);
    expect({ where, status: answer.status, state: answer.body.state }).toEqual({
      where,
      status: type === 'submit-application' ? 201 : 200,
      state: { value: next.value, paths: activeLeaves(next), label: stateLabel(next), closed: next.hasTag(CLOSED_TAG) },
    });
    const id: string = answer.body.id;

    const [asMunicipality, asOrganisation] = await Promise.all([getCase(id, municipality()), getCase(id, organisation())]);
    expect({ where, paths: asMunicipality.state.paths, revision: asMunicipality.revision, allowed: asMunicipality.allowedCommands }).toEqual({
      where,
      paths: activeLeaves(next),
      revision: answer.body.revision,
      allowed: permitted(next, MUNICIPAL_ROLES),
    });
    expect({ where, allowed: asOrganisation.allowedCommands }).toEqual({ where, allowed: permitted(next, ['organisation']) });

    if (!visited.has(edge.to)) await expectRefusals(id, next, answer.body.revision, where);
    visited.add(edge.to);
    taken.add(edge);
    return { caseId: id, next };
  }

  /** Every command the state does not allow: 409 naming what is allowed, and nothing written. */
  async function expectRefusals(caseId: string, snapshot: CaseSnapshot, revision: string, where: string) {
    const refusals = await Promise.all(
      refusable(snapshot).map(async (type) => {
        const { role, body } = requests.get(type)!;
        const response = await api
          .http()
          .post(commandPath(caseId, type))
          .set(await callerAs(role))
          .send(body);
        return { type, status: response.status, code: response.body.code, allowed: response.body.details?.allowed };
      }),
    );
    expect({ where, refusals }).toEqual({
      where,
      refusals: refusable(snapshot).map((type) => ({ type, status: 409, code: 'TRANSITION_NOT_ALLOWED', allowed: allowedCommands(snapshot) })),
    });
    expect((await getCase(caseId, municipality())).revision).toBe(revision);
    refusable(snapshot).forEach((type) => refused.add(type));
  }

  it.each(walks.map((walk, index) => [index + 1, walk.length, activeLeaves(walkEnd(walk)).join(' + '), walk] as const))(
    'walk %i: %i steps, ending in %s',
    async (_index, _length, _end, walk) => {
      let at = { caseId: '', next: initialSnapshot() };
      for (const edge of walk) at = await take(at.caseId, at.next, edge);
    },
  );

  it(`has visited all ${model.states.size} states of the graph and taken all ${model.edges.length} edges`, () => {
    expect([...visited].sort()).toEqual([...model.states.keys()].sort());
    expect(model.edges.filter((edge) => !taken.has(edge)).map((e) => `${e.from} --${e.label}-->`)).toEqual([]);
    expect([...refused].sort()).toEqual(COMMAND_TYPES.filter((type) => type !== 'submit-application').sort());
  });
});

function walkEnd(walk: readonly ModelEdge[]): CaseSnapshot {
  return model.states.get(walk.at(-1)!.to)!;
}
