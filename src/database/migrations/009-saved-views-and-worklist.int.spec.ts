import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/support/test-database';
import { migrate } from '../migrator';
import { migrations } from '.';

/** Migration 009 on a database that already has case summaries: the projection is made to refold them, so the new column fills. */
describe.each(databaseTargets())('migration 009 on $name', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    // Back to the schema before 009, with one case summary and the projection's checkpoint after it.
    await db.pool.query(`
      DELETE FROM schema_migrations WHERE version = 9;
      DROP TABLE saved_views;
      ALTER TABLE case_summaries DROP COLUMN commands;
      INSERT INTO case_summaries (tenant, case_id, revision, state_paths, state_label_sv, state_label_en, closed, updated_at)
        VALUES ('osteraker', '7f1c3a52-2f4e-4a8e-9d6b-0c2b1d7e9a10', 5, '{decision.pending.scheduled}', 'På dagordningen', 'On the agenda', false, now());
      INSERT INTO subscription_checkpoints (subscription_id, commit_position, prepare_position) VALUES ('case-summaries', 41, 41), ('deadlines', 41, 41);
    `);
  });
  afterAll(() => db.drop());

  it('adds saved_views and the commands column, and sends the case-summaries projection back to refold every case once', async () => {
    expect(await migrate(db.pool, migrations)).toEqual([9]);
    const { rows } = await db.pool.query('SELECT revision::int AS revision, commands FROM case_summaries');
    expect(rows).toEqual([{ revision: -1, commands: [] }]);
    const checkpoints = await db.pool.query('SELECT subscription_id FROM subscription_checkpoints ORDER BY 1');
    expect(checkpoints.rows).toEqual([{ subscription_id: 'deadlines' }]);
    await expect(db.pool.query('SELECT count(*)::int AS n FROM saved_views')).resolves.toMatchObject({ rows: [{ n: 0 }] });
  });
});
