import type { Position } from './event-store.port';

/** Where a subscriber records the last event it has fully handled, to resume after it. */
export abstract class CheckpointStore {
  abstract load(subscriptionId: string): Promise<Position | undefined>;
  abstract save(subscriptionId: string, position: Position): Promise<void>;
}
