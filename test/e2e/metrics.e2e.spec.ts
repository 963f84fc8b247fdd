import { linkoping } from '../../src/demo/seed-cases';
import { LAG_COUNT_LIMIT } from '../../src/metrics/backlog-gauges';
import { bearer, TestApi } from '../support/api';
import { walk } from '../support/seed-walk';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels = '', value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      return { name, labels: Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, v]) => [key, v])), value: Number(value) };
    });
}

/** Retries until the subscribers have caught up. */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('/metrics: there is none (issue 12)', () => {
  let api: TestApi;
  let steps: string[];
  beforeAll(async () => {
    api = await TestApi.start();
    steps = Object.keys(linkoping).slice(0, Object.keys(linkoping).indexOf('approve') + 1);
    const { caseId } = await walk(api, 'linkoping', linkoping, steps);
    // Refused: an organisation may not record a decision.
    const refused = await api
      .http()
      .post(`/cases/${caseId}/commands/record-decision`)
      .set(await bearer({ roles: ['organisation'], tenant: 'linkoping', org: '822004-0417' }))
      .send({});
    expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    // Years later, with the scheduler off: the case's timers have fallen due and wait.
    api.on('2030-01-15');
  });
  afterAll(() => api.stop());

  const scrape = async () => {
    const response = await api.http().get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return samplesOf(response.text);
  };
  const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));

  it('times HTTP requests per route template, never per raw path', async () => {
    const samples = await scrape();
    const commands = find(samples, 'iop_http_request_duration_seconds_count', { method: 'POST' });
    expect(commands.map((s) => s.labels.route)).toEqual(expect.arrayContaining(['/cases', '/cases/:id/commands/assign-officer']));
    expect(find(samples, 'iop_http_request_duration_seconds_count', { route: '/cases/:id/commands/record-decision', status: '403' })[0].value).toBe(1);
    expect(find(samples, 'iop_http_request_duration_seconds_sum', { route: '/cases' })[0].value).toBeGreaterThan(0);
    expect(samples.filter((s) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(s.labels.route ?? ''))).toEqual([]);
  });

  it('counts commands by type and outcome', async () => {
    const samples = await scrape();
    const accepted = find(samples, 'iop_commands_total', { outcome: 'accepted' });
    expect(accepted.reduce((sum, s) => sum + s.value, 0)).toBe(steps.length);
    expect(accepted.map((s) => s.labels.command)).toContain('submit-application');
    expect(find(samples, 'iop_commands_total', { command: 'record-decision', outcome: 'FORBIDDEN_ROLE' })[0].value).toBe(1);
  });

  it('counts and times event-store appends', async () => {
    const samples = await scrape();
    const appends = find(samples, 'iop_event_store_appends_total', { outcome: 'ok' })[0].value;
    // Each accepted command appends its case's events, registration the diarium series' too.
    expect(appends).toBeGreaterThanOrEqual(steps.length);
    expect(find(samples, 'iop_event_store_appended_events_total')[0].value).toBeGreaterThanOrEqual(appends);
    expect(find(samples, 'iop_event_store_append_duration_seconds_count')[0].value).toBe(appends);
    expect(find(samples, 'iop_event_store_append_duration_seconds_sum')[0].value).toBeGreaterThan(0);
  });

  it("shows each subscriber's lag in events, none once they have caught up", async () => {
    await eventually(async () => {
      const lags = find(await scrape(), 'iop_subscription_lag_events');
      expect(lags.length).toBeGreaterThanOrEqual(2);
      expect(lags.map((s) => s.value)).toEqual(lags.map(() => 0));
    });
    const lags = find(await scrape(), 'iop_subscription_lag_events');
    expect(lags.every((s) => s.labels.subscription && s.value >= 0 && s.value <= LAG_COUNT_LIMIT)).toBe(true);
  });

  it('shows the timers due, the outbox depth and the failed deliveries', async () => {
    const dueNow = async () =>
      (
        await api.db.pool.query<{ due: number }>(`SELECT count(*)::int AS due FROM timers WHERE status = 'pending' AND fire_at <= $1`, [
          new Date('2030-01-15T12:00:00Z'),
        ])
      ).rows[0].due;
    await eventually(async () => expect(await dueNow()).toBeGreaterThan(0));
    const samples = await scrape();
    expect(find(samples, 'iop_timers_due')[0].value).toBe(await dueNow());
    expect(find(samples, 'iop_outbox_depth').map((s) => [s.labels.stage, s.value])).toEqual([
      ['undispatched', 0],
      ['pending', 0],
    ]);
    expect(find(samples, 'iop_notification_deliveries_failed')[0].value).toBe(0);
    expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });
});

describe('who may scrape /metrics', () => {
  let api: TestApi;
  const METRICS_TOKEN = 'a-scraper-token-of-some-length';
  beforeAll(async () => (api = await TestApi.start({ METRICS_TOKEN })));
  afterAll(() => api.stop());

  it('with METRICS_TOKEN set: only a request that carries it, from anywhere (loopback too)', async () => {
    expect((await api.http().get('/metrics')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await api.http().get('/metrics').set('Authorization', 'Bearer not-the-token')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    // An official's token is no metrics token.
    expect(
      (
        await api
          .http()
          .get('/metrics')
          .set(await bearer({ roles: ['admin'], tenant: 'linkoping' }))
      ).status,
    ).toBe(401);
    const scraped = await api.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('iop_commands_total');
  });
});
