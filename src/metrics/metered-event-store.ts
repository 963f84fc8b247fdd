import {
  EventStore,
  type AppendOptions,
  type AppendResult,
  type ListStreamsOptions,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoreTransaction,
  type StreamName,
  type SubscribeOptions,
  type TransactionOptions,
} from '../event-store/event-store.port';
import { EngineError } from '../shared/engine-error';
import type { Metrics } from './metrics';

type Append = StoreTransaction['append'];

/**
 * The event store, with every append counted and timed, the appends in transactions too (a
 * timer's firing). Everything else goes straight through: the adapter itself is untouched.
 */
export class MeteredEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  append(stream: StreamName, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.metered((...args) => this.inner.append(...args))(stream, events, options);
  }

  withTransaction<T>(work: (transaction: StoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.inner.withTransaction((transaction) => {
      // The transaction itself, not a wrapper: adapters of the same database join it by its identity.
      transaction.append = this.metered(transaction.append.bind(transaction));
      return work(transaction);
    }, options);
  }

  readStream(stream: StreamName, options?: ReadStreamOptions) {
    return this.inner.readStream(stream, options);
  }

  readEventsById(stream: StreamName, ids: readonly string[]) {
    return this.inner.readEventsById(stream, ids);
  }

  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }

  subscribe(options?: SubscribeOptions) {
    return this.inner.subscribe(options);
  }

  streamHead(stream: StreamName) {
    return this.inner.streamHead(stream);
  }

  listStreams(options?: ListStreamsOptions) {
    return this.inner.listStreams(options);
  }

  readStreams(streams: readonly StreamName[]) {
    return this.inner.readStreams(streams);
  }

  close() {
    return this.inner.close();
  }

  private metered(append: Append): Append {
    return async (stream, events, options) => {
      const stopTimer = this.metrics.appendDuration.startTimer();
      try {
        const result = await append(stream, events, options);
        this.metrics.appends.inc({ outcome: 'ok' });
        this.metrics.appendedEvents.inc(events.length);
        return result;
      } catch (error) {
        this.metrics.appends.inc({ outcome: error instanceof EngineError ? error.code : 'error' });
        throw error;
      } finally {
        stopTimer();
      }
    };
  }
}
