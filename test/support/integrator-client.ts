/**
 * What an integrator writes against iop-engine: no imports from this repository's sources, only
 * the types that openapi-typescript generated from the published OpenAPI document (iop-api.d.ts)
 * and openapi-fetch. Every path, parameter, body and answer below is checked against those types
 * (test/e2e/generated-client.e2e.spec.ts compiles this file and fails on any diagnostic).
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './iop-api';

type Schemas = components['schemas'];
export type IopClient = ReturnType<typeof createClient<paths>>;
export type Role = 'organisation' | 'registrator' | 'chef' | 'handlaggare' | 'namndsekreterare' | 'signatory';

/** One client per signed-in user: the bearer token goes with every request. */
export function iopClient(baseUrl: string, token: string): IopClient {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

export interface Step {
  readonly command: string;
  readonly status: number;
  readonly revision: string;
  readonly state: Schemas['CaseStateDto'];
}

/** A refused command, with the API's machine-readable code. */
export class CommandRefused extends Error {
  constructor(
    readonly command: string,
    readonly status: number,
    readonly body: Schemas['ErrorDto'] | undefined,
  ) {
    super(`${command}: ${status} ${body?.code ?? ''} ${body?.message ?? ''}`);
  }
}

const terms: Schemas['TermsDto'] = {
  fundingLines: [
    { id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: '472200.00', indexation: { index: 'OPI', from: '2024-01-01' } },
    { id: 'ideell-insats', label: 'Ideell insats', kind: 'ownContribution', hours: 1_500, hourlyValue: null, statedValue: '341314.00' },
  ],
  period: { start: '2023-01-01', end: '2025-12-31' },
  noticeMonths: 6,
  paymentSchedule: 'yearly-in-january',
  exclusions: [],
};

/**
 * Linköping's agreement with Brottsofferjouren (SON 2019-536), from the application to both
 * signatures. Each command sends If-Match with the revision the previous answer gave, as a
 * careful client does, so a concurrent change would be refused rather than overwritten.
 */
export async function signLinkopingAgreement(as: (role: Role) => IopClient): Promise<{ id: string; steps: Step[] }> {
  const submitted = await as('organisation').POST('/cases', {
    body: {
      organisation: { name: 'Brottsofferjouren i Linköping', organisationNumber: '822004-0417' },
      purpose: 'Stöd till brottsutsatta, anhöriga och vittnen enligt 5 kap. 11 § SoL',
      targetGroups: ['Brottsutsatta kommuninvånare över 18 år', 'Anhöriga', 'Vittnen'],
      activities: ['Samtalsstöd', 'Information om rättsprocessen', 'Stöd vid rättegång', 'Vittnesstöd vid Linköpings tingsrätt'],
      terms,
      receivedOn: '2022-09-01',
    },
  });
  if (!submitted.data) throw new CommandRefused('submit-application', submitted.response.status, submitted.error);
  const id = submitted.data.id;
  const steps: Step[] = [{ command: 'submit-application', status: submitted.response.status, revision: submitted.data.revision, state: submitted.data.state }];

  /** The answer of one command: refused, or the case's new state and revision. */
  const record = (command: string, answer: { data?: Schemas['CaseResultDto']; error?: Schemas['ErrorDto']; response: Response }) => {
    if (!answer.data) throw new CommandRefused(command, answer.response.status, answer.error);
    steps.push({ command, status: answer.response.status, revision: answer.data.revision, state: answer.data.state });
  };
  const params = () => ({ path: { id }, header: { 'If-Match': `"${steps[steps.length - 1].revision}"` } });

  record(
    'register',
    await as('registrator').POST('/cases/{id}/commands/register', { params: params(), body: { bodyCode: 'SON', registeredOn: '2022-09-02' } }),
  );
  record(
    'assign-officer',
    await as('registrator').POST('/cases/{id}/commands/assign-officer', {
      params: params(),
      body: { officer: { id: 'john.fristedt', name: 'John Fristedt' }, assignedOn: '2022-09-05' },
    }),
  );
  record(
    'draft-proposal',
    await as('handlaggare').POST('/cases/{id}/commands/draft-proposal', {
      params: params(),
      body: {
        title: 'Idéburet offentligt partnerskap (IOP) mellan Brottsofferjouren i Linköping och Linköpings kommun',
        summary: 'Förlängning av överenskommelsen från 2019 med tydliggjorda åtaganden.',
        decisionPoints: ['Godkänna överenskommelsen om IOP med Brottsofferjouren i Linköping 2023–2025.'],
        financing: 'Finansieras av social- och omsorgsnämnden med 472 200 kr per år.',
        terms,
        attachments: ['Bilaga 1, aktörernas ansvar'],
        draftedOn: '2022-10-20',
      },
    }),
  );
  record(
    'sign-proposal',
    await as('chef').POST('/cases/{id}/commands/sign-proposal', {
      params: params(),
      body: { signedBy: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' }, signedOn: '2022-10-25' },
    }),
  );
  record(
    'schedule-meeting',
    await as('namndsekreterare').POST('/cases/{id}/commands/schedule-meeting', {
      params: params(),
      body: { bodyCode: 'SON', meetingDate: '2022-11-09' },
    }),
  );
  record(
    'record-decision',
    await as('namndsekreterare').POST('/cases/{id}/commands/record-decision', {
      params: params(),
      body: { outcome: 'approved', paragraph: '§ 187', recommendedTo: null, motivation: null },
    }),
  );
  record(
    'record-justering',
    await as('namndsekreterare').POST('/cases/{id}/commands/record-justering', { params: params(), body: { justeradOn: '2022-11-14' } }),
  );
  record('record-posting', await as('namndsekreterare').POST('/cases/{id}/commands/record-posting', { params: params(), body: { postedOn: '2022-11-15' } }));
  record('record-final', await as('namndsekreterare').POST('/cases/{id}/commands/record-final', { params: params(), body: {} }));
  record(
    'sign',
    await as('signatory').POST('/cases/{id}/commands/sign', {
      params: params(),
      body: {
        party: 'municipality',
        signatory: { name: 'Linda Ljungqvist', title: 'Social- och omsorgsdirektör' },
        organisationNumber: '212000-0449',
        signedOn: '2022-12-10',
      },
    }),
  );
  record(
    'sign',
    await as('organisation').POST('/cases/{id}/commands/sign', {
      params: params(),
      body: {
        party: 'organisation',
        signatory: { name: 'Firmatecknare för Brottsofferjouren i Linköping', title: 'Firmatecknare' },
        organisationNumber: '822004-0417',
        signedOn: '2022-12-12',
      },
    }),
  );
  return { id, steps };
}

/** The case as the officer sees it, with the revision its ETag carries. */
export async function readCase(client: IopClient, id: string): Promise<{ view: Schemas['CaseViewDto']; etag: string | null }> {
  const { data, error, response } = await client.GET('/cases/{id}', { params: { path: { id } } });
  if (!data) throw new CommandRefused('get-case', response.status, error);
  return { view: data, etag: response.headers.get('etag') };
}
