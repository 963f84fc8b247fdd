import { Pool } from 'pg';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/support/test-database';
import { migrate, type Migration } from './migrator';

describe.each(databaseTargets())('migrate on $name', (target) => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase(target)));
  afterAll(() => db.drop());

  const slowMigration: Migration = {
    version: 1000,
    name: 'slow',
    // Slow enough that two instances starting together overlap inside it.
    sql: `SELECT pg_sleep(0.3); CREATE TABLE migration_probe (id int PRIMARY KEY); INSERT INTO migration_probe VALUES (1);`,
  };

  it('applies a migration once when two instances start at the same moment', async () => {
    const second = new Pool({ connectionString: db.url });
    try {
      const results = await Promise.all([migrate(db.pool, [slowMigration]), migrate(second, [slowMigration])]);
      expect(results.map((applied) => applied.length).sort()).toEqual([0, 1]);
      const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM schema_migrations WHERE version = 1000');
      expect(rows[0].n).toBe(1);
    } finally {
      await second.end();
    }
  });

  it('rolls back a failing migration entirely and names it', async () => {
    const broken: Migration = { version: 1001, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' };
    await expect(migrate(db.pool, [broken])).rejects.toThrow('Migration 1001 (broken) failed');
    const { rows } = await db.pool.query(`SELECT to_regclass('half_done') AS t, (SELECT count(*)::int FROM schema_migrations WHERE version = 1001) AS n`);
    expect(rows[0]).toEqual({ t: null, n: 0 });
  });
});
