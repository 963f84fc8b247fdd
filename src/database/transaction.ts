import type { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a connection of its own: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A transaction on the service's PostgreSQL that adapters of several ports share: the event
 * store's transactions are these, so the timer table and the notification outbox (PostgreSQL
 * adapters too) can write in the transaction that appends an event.
 */
export class SqlTransaction {
  private readonly committed: (() => void)[] = [];

  constructor(readonly client: PoolClient) {}

  /** Runs `callback` once the transaction has committed (a wake-up for other instances, say); not at all if it rolls back. */
  afterCommit(callback: () => void): void {
    this.committed.push(callback);
  }

  /** Runs `work` in a transaction of its own, then what was asked for after the commit. */
  static async run<T, S extends SqlTransaction>(pool: Pool, open: (client: PoolClient) => S, work: (transaction: S) => Promise<T>, begin?: string): Promise<T> {
    let transaction: S | undefined;
    const result = await inTransaction(pool, (client) => work((transaction = open(client))), begin);
    for (const callback of transaction!.committed) callback();
    return result;
  }
}

/** The PostgreSQL transaction behind a port's transaction, for an adapter joining it; only a PostgreSQL transaction has one. */
export function sqlOf(transaction: object): SqlTransaction {
  if (transaction instanceof SqlTransaction) return transaction;
  throw new TypeError('this adapter writes to PostgreSQL and can only join a PostgreSQL transaction');
}
