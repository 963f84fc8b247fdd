import type { Pool } from 'pg';
import { CheckpointStore } from '../checkpoint-store.port';
import type { Position } from '../event-store.port';

export class PostgresCheckpointStore extends CheckpointStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  async load(subscriptionId: string): Promise<Position | undefined> {
    const { rows } = await this.pool.query<{ commit: string; prepare: string }>(
      'SELECT commit_position::text AS commit, prepare_position::text AS prepare FROM subscription_checkpoints WHERE subscription_id = $1',
      [subscriptionId],
    );
    return rows[0] && { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) };
  }

  async save(subscriptionId: string, position: Position): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscription_checkpoints (subscription_id, commit_position, prepare_position) VALUES ($1, $2, $3)
       ON CONFLICT (subscription_id) DO UPDATE SET commit_position = $2, prepare_position = $3, updated_at = now()`,
      [subscriptionId, position.commit.toString(), position.prepare.toString()],
    );
  }
}
