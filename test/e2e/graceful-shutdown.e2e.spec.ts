import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, shutdown } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { Database } from '../../src/database/database';
import { createLogger } from '../../src/logging/logger';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../support/test-database';

describe('graceful shutdown', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    db = await createTestDatabase(databaseTargets()[0]);
    app = await createApp(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), createLogger('silent'));
    // A request that takes a while and needs the database at its end, like a command would.
    app.use('/slow', (_req: unknown, res: { json(body: unknown): void }) =>
      setTimeout(
        () =>
          void app
            .get(Database)
            .pool.query('SELECT 42 AS answer')
            .then(({ rows }) => res.json(rows[0])),
        500,
      ),
    );
    await app.listen(0, '127.0.0.1');
  });

  afterAll(() => db.drop());

  it('finishes in-flight requests before it closes the database', async () => {
    const { port } = app.getHttpServer().address() as { port: number };
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 100));

    await shutdown(app, 5000);
    expect(await inFlight).toEqual({ status: 200, body: { answer: 42 } });
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});
