import type { Command, CommandType } from '../../src/lifecycle';
import { bodyInKronor, termsInKronor } from '../../src/cases/shared/in-kronor';
import { linkoping as L, robertsfors as R } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';

export type Body = Record<string, unknown>;

/** A seed command as the caller's request body: without what the server or the engine adds, amounts as kronor strings. */
export const bodyOf = ({ type: _type, now: _now, ...body }: Command, ...engineFields: string[]): Body =>
  bodyInKronor(Object.fromEntries(Object.entries(body).filter(([key]) => !engineFields.includes(key))));

/** A valid request body for every command type, from the seed documents where they have one. */
export const VALID_BODIES: { [K in CommandType]: Body } = {
  'submit-application': seedRequest(L.submit).body,
  register: { bodyCode: 'SON', registeredOn: '2022-09-02' },
  'assign-officer': bodyOf(L.assignOfficer),
  withdraw: { withdrawnOn: '2022-12-11', reason: 'Föreningen avstår.' },
  'close-ineligible': { closedOn: '2022-12-11', reason: 'Upphandling enligt LOU.' },
  'draft-proposal': bodyOf(L.draft),
  'sign-proposal': bodyOf(L.signProposal),
  'schedule-meeting': seedRequest(L.schedule).body,
  'record-decision': seedRequest(R.recommend).body,
  'record-justering': bodyOf(L.justering),
  'record-posting': bodyOf(L.posting),
  'record-final': {},
  'lodge-appeal': { lodgedOn: '2022-12-01', court: 'Förvaltningsrätten i Linköping', caseReference: '1234-22' },
  'record-appeal-outcome': { outcome: 'upheld', decidedOn: '2023-03-01' },
  sign: bodyOf(L.signMunicipality),
  'record-payment': { ...bodyOf(L.payment2023), reference: 'Faktura 2023-117' },
  'record-meeting': bodyOf(L.operationalMeeting),
  'submit-annual-report': bodyOf(L.annualReport2023),
  'record-evaluation': bodyOf(L.evaluation2023),
  'claim-repayment': { amount: '25000.00', claimedOn: '2024-03-15', reason: 'Medel använda utanför överenskommelsen.' },
  'submit-report-back': bodyOf(L.reportBack),
  'amend-terms': { terms: termsInKronor(L.submit.terms), reason: 'Utökat uppdrag.', agreedOn: '2024-05-02', effectiveFrom: '2024-07-01' },
  'start-renewal': { startedOn: '2025-04-01' },
  'complete-renewal': { completedOn: '2025-12-15' },
  'give-notice': bodyOf(L.notice),
  'record-termination': {},
  'record-expiry': {},
};
