import { CASE_MACHINE_VERSION } from '../../src/lifecycle';
import { osterakerBrottsofferjouren } from '../../src/demo/seed-cases';
import { seedRequest } from '../../src/demo/seed-requests';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

describe('GET /cases/:id/history', () => {
  let api: TestApi;
  let caseId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ caseId } = await walk(api, 'osteraker', osterakerBrottsofferjouren));
  });
  afterAll(() => api.stop());

  it('lists every event with time, actor, command, state before and after, payload, revision and hash', async () => {
    const { status, body } = await api
      .http()
      .get(`/cases/${caseId}/history`)
      .set(await bearer({ roles: ['auditor'], tenant: 'osteraker' }));
    expect(status).toBe(200);
    const steps = Object.values(osterakerBrottsofferjouren);
    expect(body.diarienummer).toBe('KS 2023/00001');
    expect(body.events.map((e: { revision: string }) => e.revision)).toEqual(steps.map((_, i) => String(i)));
    expect(body.events.map((e: { actor: { role: string } }) => e.actor.role)).toEqual(steps.map((c) => seedRequest(c).role));
    expect(body.events.map((e: { recordedAt: string }) => e.recordedAt.slice(0, 10))).toEqual(steps.map((c) => c.now.slice(0, 10)));

    const [first] = body.events;
    expect(first).toMatchObject({
      type: 'ApplicationSubmitted',
      stateBefore: { paths: ['new'] },
      stateAfter: { paths: ['application.submitted'] },
      machine: { id: 'iopCase', version: CASE_MACHINE_VERSION },
    });
    expect(first.payload.organisation.name).toBe('Brottsofferjouren Roslagen');
    const decision = body.events.find((e: { type: string }) => e.type === 'DecisionRecorded');
    expect(decision.payload).toMatchObject({ outcome: 'approved', paragraph: '§ 9:12' });
    expect(decision.stateBefore.paths).not.toEqual(decision.stateAfter.paths);
    for (const [i, event] of body.events.entries()) {
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(event.stateBefore).toEqual(body.events[i - 1].stateAfter);
    }
  });

  it("is not shown to another organisation's representative", async () => {
    const { body } = await api
      .http()
      .get(`/cases/${caseId}/history`)
      .set(await bearer({ roles: ['organisation'], tenant: 'osteraker', org: '802016-3757' }));
    expect(body).toMatchObject({ statusCode: 404, code: 'CASE_NOT_FOUND' });
  });
});
