import type { ExpectedRevision, StreamName } from './event-store.port';

/** Errors of the event store carry a fixed code; the HTTP layer maps codes to statuses in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: 'WRONG_EXPECTED_VERSION' | 'EVENT_ID_CONFLICT' | 'INVALID_EVENT';
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';

  constructor(
    readonly stream: StreamName,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${stream.tenant}/${stream.id}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** Some, but not all, of a batch's event ids are already in the stream: a retry that does not match the original. */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';

  constructor(
    readonly stream: StreamName,
    readonly eventIds: string[],
  ) {
    super(`Stream ${stream.tenant}/${stream.id} already holds some of the events ${eventIds.join(', ')} but not all`);
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
}
