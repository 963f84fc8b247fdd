import { applicantOf, seedRequest } from '../../src/demo/seed-requests';
import type { SeedCase } from '../../src/demo/seed-cases';
import { bearer, type TestApi } from './api';

export const commandPath = (caseId: string, type: string) => (type === 'submit-application' ? '/cases' : `/cases/${caseId}/commands/${type}`);

/**
 * Sends a seed case's steps over HTTP, in order, each on its own date, each by the role that gives
 * it; a new case unless `caseId` names one that exists.
 */
export async function walk(api: TestApi, tenant: string, seed: SeedCase, steps: string[] = Object.keys(seed), caseId = '') {
  const organisation = applicantOf(seed.submit);
  const answers: Record<string, { status: number; body: Record<string, unknown> }> = {};
  for (const name of steps) {
    const { type, date, role, body } = seedRequest(seed[name]);
    api.on(date);
    const headers = await bearer({ roles: [role], tenant, ...(role === 'organisation' && { org: organisation }) });
    const response = await api.http().post(commandPath(caseId, type)).set(headers).send(body);
    answers[name] = { status: response.status, body: response.body };
    if (response.status >= 300) throw new Error(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
    caseId ||= response.body.id;
  }
  return { caseId, answers };
}
