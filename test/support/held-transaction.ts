import type { EventStore, StoreTransaction } from '../../src/event-store/event-store.port';

export interface HeldTransaction {
  /** Commits (or rolls back) the transaction and waits until it has ended. */
  end(commit: boolean): Promise<void>;
}

/** Opens a transaction of the store, does `work` in it, and holds it open until the test ends it: a slow writer. */
export async function holdTransaction(store: EventStore, work: (transaction: StoreTransaction) => Promise<unknown>): Promise<HeldTransaction> {
  const ROLLED_BACK = 'rolled back by the test';
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  let worked!: () => void;
  let failed!: (error: unknown) => void;
  const started = new Promise<void>((resolve, reject) => ([worked, failed] = [resolve, reject]));
  const done = store
    .withTransaction(async (transaction) => {
      await work(transaction).catch((error) => (failed(error), Promise.reject(error)));
      worked();
      if (!(await decided)) throw new Error(ROLLED_BACK);
    })
    .catch((error: Error) => {
      if (error.message !== ROLLED_BACK) throw error;
    });
  await started;
  return { end: (commit) => (finish(commit), done) };
}
