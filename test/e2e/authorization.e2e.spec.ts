import { linkoping } from '../../src/demo/seed-cases';
import { COMMAND_TYPES, commandRoles, partyRoles, RECEIVING_ROLES, ROLES, type CommandType, type Role } from '../../src/lifecycle';
import { bearer, TestApi, type Caller } from '../support/api';
import { VALID_BODIES } from '../support/command-bodies';
import { commandPath, walk } from '../support/seed-walk';

const OWN_ORG = '822004-0417'; // Brottsofferjouren i Linköping, the case's applicant
const OTHER_ORG = '802016-3757';

interface Cell {
  type: CommandType;
  role: Role;
  ownOrganisation: boolean;
  ownTenant: boolean;
}

/**
 * Who may do what, over HTTP: every role × every command type × own/other organisation × own/other
 * tenant. Authorization is decided before the lifecycle is asked, so one case in any state serves:
 * an allowed call may still be refused by the lifecycle (409/422), never with 403/404.
 */
describe('authorization matrix', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId } = await walk(api, 'linkoping', linkoping, ['submit', 'register']));
  });
  afterAll(() => api.stop());

  const cells: Cell[] = COMMAND_TYPES.flatMap((type) =>
    ROLES.flatMap((role) => [true, false].flatMap((ownOrganisation) => [true, false].map((ownTenant) => ({ type, role, ownOrganisation, ownTenant })))),
  );

  /** What is intended: the command's roles; the role that acts for a named party; own tenant; an organisation acts on its own cases only. */
  function intended({ type, role, ownOrganisation, ownTenant }: Cell): 'allowed' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_ORGANISATION' | 'CASE_NOT_FOUND' {
    const opensCase = type === 'submit-application';
    if (!opensCase && !ownTenant) return 'CASE_NOT_FOUND';
    if (!opensCase && role === 'organisation' && !ownOrganisation) return 'CASE_NOT_FOUND';
    if (!commandRoles[type].includes(role)) return 'FORBIDDEN_ROLE';
    if (opensCase && role === 'organisation' && !ownOrganisation) return 'FORBIDDEN_ORGANISATION';
    return 'allowed';
  }

  /** What the organisation sends on paper or by e-mail, an official records for it with a receipt. */
  const RECEIVED: readonly CommandType[] = ['sign', 'give-notice', 'withdraw'];

  /** Commands for a party name the party the caller's role acts for, where it has one; an official recording the organisation's document adds the receipt. */
  function bodyFor(type: CommandType, role: Role): object {
    const body = VALID_BODIES[type];
    if (RECEIVED.includes(type) && (RECEIVING_ROLES as readonly Role[]).includes(role)) {
      return { ...body, ...('party' in body && { party: 'organisation' }), receipt: { channel: 'paper', receivedOn: '2022-09-02' } };
    }
    if (!('party' in body)) return body;
    const party = (Object.keys(partyRoles) as (keyof typeof partyRoles)[]).find((p) => partyRoles[p] === role) ?? body.party;
    return { ...body, party };
  }

  it(`answers each of the ${COMMAND_TYPES.length * ROLES.length * 4} cells as intended`, async () => {
    api.on('2022-09-02');
    const mismatches: string[] = [];
    for (const cell of cells) {
      const caller: Caller = {
        roles: [cell.role],
        tenant: cell.ownTenant ? 'linkoping' : 'osteraker',
        ...(cell.role === 'organisation' && { org: cell.ownOrganisation ? OWN_ORG : OTHER_ORG }),
      };
      const response = await api
        .http()
        .post(commandPath(caseId, cell.type))
        .set(await bearer(caller))
        .send(bodyFor(cell.type, cell.role));
      const outcome = [401, 403, 404].includes(response.status) ? response.body.code : response.status === 400 ? 'VALIDATION_FAILED' : 'allowed';
      if (outcome !== intended(cell)) mismatches.push(`${JSON.stringify(cell)}: ${response.status} ${response.body.code ?? ''}, intended ${intended(cell)}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('lets every role of the tenant read the case, an organisation only its own, and no other tenant', async () => {
    for (const role of ROLES) {
      for (const [ownOrganisation, ownTenant] of [
        [true, true],
        [false, true],
        [true, false],
      ] as const) {
        const caller: Caller = {
          roles: [role],
          tenant: ownTenant ? 'linkoping' : 'osteraker',
          ...(role === 'organisation' && { org: ownOrganisation ? OWN_ORG : OTHER_ORG }),
        };
        const { status } = await api
          .http()
          .get(`/cases/${caseId}`)
          .set(await bearer(caller));
        const visible = ownTenant && (role !== 'organisation' || ownOrganisation);
        expect({ role, ownOrganisation, ownTenant, status }).toEqual({ role, ownOrganisation, ownTenant, status: visible ? 200 : 404 });
      }
    }
  });
});
