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
export abstract class SqlTransaction {
  constructor(readonly client: PoolClient) {}
}

/** The connection of a transaction another adapter opened; only a PostgreSQL transaction has one. */
export function sqlClientOf(transaction: object): PoolClient {
  if (transaction instanceof SqlTransaction) return transaction.client;
  throw new TypeError('this adapter writes to PostgreSQL and can only join a PostgreSQL transaction');
}
