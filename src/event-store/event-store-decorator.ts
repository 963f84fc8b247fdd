import type { EventStore } from './event-store.port';

/**
 * An optional provider: wraps the event store the module makes (the metrics module instruments it
 * this way), so that measuring needs no change inside the adapter.
 */
export const EVENT_STORE_DECORATOR = Symbol('EVENT_STORE_DECORATOR');
export type EventStoreDecorator = (store: EventStore) => EventStore;
