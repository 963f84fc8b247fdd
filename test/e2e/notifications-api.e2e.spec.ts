import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { NotificationOutbox, type NotificationIntent } from '../../src/notifications/notification-outbox.port';
import { NOTIFICATION_PARTS, type notificationParts } from '../../src/notifications/notifications.module';
import { EventStore } from '../../src/event-store/event-store.port';
import { bearer, TestApi } from '../support/api';
import { WebhookReceiver, webhookSecret } from '../support/notification-receivers';

const CASE_A = '7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10';
const CASE_B = '0e8c4d6a-0c1b-4a47-8a2e-5b6f7c8d9e01';
const DAY = 86_400_000;

const intent = (name: string, caseId: string): NotificationIntent => ({
  id: uuidv5(name, '6a1f0e2c-2222-4c1a-8e3a-9a0b1c2d3e4f'),
  tenant: 'linkoping',
  caseId,
  deadline: {
    kind: 'yearly-payment',
    key: 'yearly-payment:2024',
    date: '2024-01-31',
    rule: 'yearly-payment-january',
    explanation: { sv: 'Betalning i januari', en: 'Payment in January' },
  },
  occasion: 'reminder',
  daysBefore: 14,
  recipient: 'officer',
  case: { diarienummer: 'KS 2022/01692', organisation: 'Brottsofferjouren Linköping', officer: { id: 'john.fristedt', name: 'John Fristedt' } },
  firedAt: '2024-01-17T07:00:00.000Z',
});

/** The API over deliveries the worker made (run pass by pass here, under the test's clock). */
describe('/notifications', () => {
  let api: TestApi;
  let worker: ReturnType<typeof notificationParts>['worker'];
  let receiverUp = false;
  const secret = webhookSecret();
  const receiver = new WebhookReceiver(secret, () => (receiverUp ? 204 : 503));
  const official = () => bearer({ roles: ['handlaggare'], tenant: 'linkoping', sub: 'john.fristedt' });
  const failing = intent('parked', CASE_A);
  const acknowledged = intent('acknowledged', CASE_B);

  beforeAll(async () => {
    await receiver.start();
    const file = join(mkdtempSync(join(tmpdir(), 'iop-directory-')), 'directory.json');
    writeFileSync(
      file,
      JSON.stringify({
        tenants: {
          linkoping: {
            roles: { officer: { webhooks: [{ url: `${receiver.url}/hook`, secret }] }, manager: { webhooks: [{ url: `${receiver.url}/chef`, secret }] } },
          },
        },
      }),
    );
    api = await TestApi.start({ NOTIFY_WORKER: 'false', NOTIFICATION_DIRECTORY_FILE: file, NOTIFY_MAX_ATTEMPTS: '2', NOTIFY_BACKOFF_BASE_MS: '1000' });
    api.on('2024-01-17');
    worker = api.app.get<ReturnType<typeof notificationParts>>(NOTIFICATION_PARTS).worker;
    await api.app.get(EventStore).withTransaction((transaction) => api.app.get(NotificationOutbox).enqueue(transaction, [failing, acknowledged]));
  });

  afterAll(async () => {
    await api.stop();
    await receiver.stop();
  });

  const list = async (query: string) =>
    (
      await api
        .http()
        .get(`/notifications${query}`)
        .set(await official())
        .expect(200)
    ).body.items as { id: string; status: string; attempts: number; caseId: string }[];

  it('parks a notification as failed after the last attempt, and lists it with status=failed', async () => {
    await worker.runOnce();
    api.clock.advance(1000);
    await worker.runOnce();
    const [parked] = await list(`?status=failed&caseId=${CASE_A}`);
    expect(parked).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'the receiver answered HTTP 503',
      diarienummer: 'KS 2022/01692',
      recipient: 'officer',
      channel: 'webhook',
    });
    expect(await list(`?caseId=${CASE_B}&status=failed`)).toHaveLength(1);
    expect(await list('?status=delivered')).toEqual([]);
  });

  it('sends a failed notification again on POST /notifications/:id/retry, and refuses to retry one that is not failed', async () => {
    const [parked] = await list(`?status=failed&caseId=${CASE_A}`);
    const retried = await api
      .http()
      .post(`/notifications/${parked.id}/retry`)
      .set(await official())
      .expect(200);
    expect(retried.body).toMatchObject({ id: parked.id, status: 'pending', attempts: 0 });
    receiverUp = true;
    await worker.runOnce();
    expect((await list(`?caseId=${CASE_A}`))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(receiver.acceptedIds()).toEqual(new Set([parked.id]));

    const again = await api
      .http()
      .post(`/notifications/${parked.id}/retry`)
      .set(await official())
      .expect(409);
    expect(again.body).toMatchObject({ code: 'NOTIFICATION_NOT_FAILED', details: { status: 'delivered' } });
  });

  it('acknowledges a reminder: it escalates no further, and a second acknowledgement keeps the first', async () => {
    const [reminder] = await list(`?caseId=${CASE_B}`);
    const acked = await api
      .http()
      .post(`/notifications/${reminder.id}/ack`)
      .set(await official())
      .expect(200);
    expect(acked.body).toMatchObject({ acknowledgedBy: 'john.fristedt', acknowledgedAt: '2024-01-17T12:00:01.000Z' });
    api.clock.advance(DAY);
    const second = await api
      .http()
      .post(`/notifications/${reminder.id}/ack`)
      .set(await bearer({ roles: ['chef'], tenant: 'linkoping', sub: 'linda' }))
      .expect(200);
    expect(second.body).toMatchObject({ acknowledgedBy: 'john.fristedt', acknowledgedAt: '2024-01-17T12:00:01.000Z' });

    api.clock.advance(10 * DAY);
    await worker.runOnce();
    expect((await list(`?caseId=${CASE_B}`)).map((d) => d.id)).toEqual([reminder.id]); // no manager rung
    expect((await list(`?caseId=${CASE_A}`)).map((d) => (d as unknown as { recipient: string }).recipient)).toEqual(['manager', 'officer']); // the other one climbed
  });

  it('answers 404 for an unknown notification or another tenant’s, 403 for an organisation, 400 for a bad filter', async () => {
    const [any] = await list('');
    const missing = await api
      .http()
      .post('/notifications/5d2e7a90-1c3b-4f6d-8e7a-9b0c1d2e3f40/ack')
      .set(await official())
      .expect(404);
    expect(missing.body.code).toBe('NOTIFICATION_NOT_FOUND');
    await api
      .http()
      .post('/notifications/not-a-uuid/retry')
      .set(await official())
      .expect(404);
    const elsewhere = await bearer({ roles: ['handlaggare'], tenant: 'osteraker' });
    expect((await api.http().post(`/notifications/${any.id}/ack`).set(elsewhere).expect(404)).body.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await api.http().get('/notifications').set(elsewhere).expect(200)).body.items).toEqual([]);
    const organisation = await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' });
    expect((await api.http().get('/notifications').set(organisation).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    const auditor = await bearer({ roles: ['auditor'], tenant: 'linkoping' });
    await api.http().get('/notifications').set(auditor).expect(200);
    await api.http().post(`/notifications/${any.id}/retry`).set(auditor).expect(403);
    expect(
      (
        await api
          .http()
          .get('/notifications?status=lost')
          .set(await official())
          .expect(400)
      ).body.code,
    ).toBe('VALIDATION_FAILED');
  });

  describe('bulk retry (POST /notifications/retries)', () => {
    const parkedA = intent('bulk-a', CASE_A);
    const parkedB = intent('bulk-b', CASE_B);
    const retries = async (body: object, caller = official()) =>
      api
        .http()
        .post('/notifications/retries')
        .set(await caller)
        .send(body);

    beforeAll(async () => {
      receiverUp = false;
      await api.app.get(EventStore).withTransaction((transaction) => api.app.get(NotificationOutbox).enqueue(transaction, [parkedA, parkedB]));
      await worker.runOnce();
      api.clock.advance(1000);
      await worker.runOnce();
    });

    it('with a dry run lists what a retry would do to each failed delivery, and changes nothing', async () => {
      const failed = await list('?status=failed');
      expect(failed.length).toBeGreaterThanOrEqual(2);
      const { status, body } = await retries({ dryRun: true });
      expect(status).toBe(200);
      expect(body.dryRun).toBe(true);
      expect(body.items.map((i: { id: string; outcome: string }) => [i.id, i.outcome])).toEqual(failed.map((d) => [d.id, 'would-retry']));
      expect(body.items[0].notification).toMatchObject({ id: failed[0].id, status: 'failed' });
      expect((await list('?status=failed')).map((d) => d.id)).toEqual(failed.map((d) => d.id));
    });

    it('retries the named deliveries, says which were not failed or not found, and a second run retries none', async () => {
      const failed = await list('?status=failed');
      const [delivered] = await list('?status=delivered');
      const unknown = '5d2e7a90-1c3b-4f6d-8e7a-9b0c1d2e3f40';
      const { body } = await retries({ ids: [failed[0].id, delivered.id, unknown] });
      expect(body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['retried', 'not-failed', 'not-found']);
      expect((await list(`?status=pending`)).map((d) => d.id)).toContain(failed[0].id);
      expect((await retries({ ids: [failed[0].id] })).body.items[0].outcome).toBe('not-failed');
      const rest = await retries({});
      expect(rest.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(failed.slice(1).map(() => 'retried'));
      expect(await list('?status=failed')).toEqual([]);
    });

    it('refuses an auditor (403) and a malformed request (400)', async () => {
      expect((await retries({ dryRun: true }, bearer({ roles: ['auditor'], tenant: 'linkoping' }))).status).toBe(403);
      for (const body of [{ ids: ['x'] }, { dryRun: 'yes' }, { ids: [], extra: 1 }]) {
        const refused = await retries(body);
        expect(refused.status).toBe(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
