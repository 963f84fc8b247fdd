import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { v5 as uuidv5 } from 'uuid';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { CaseError } from './case-error';

// Any fixed UUID: names under it are this engine's.
const NAMESPACE = '5b0c8c3e-3f1e-4c61-9c43-7d3f0b8f9a21';

/**
 * Idempotency without a table of its own: a request's Idempotency-Key fixes the ids of the events
 * it writes, so the event store's own idempotency turns a retry — or 20 parallel copies — into one
 * write. The command id is derived from the key and the request's content, so reusing a key for a
 * different request is recognised.
 */
export interface IdempotentIds {
  readonly commandId: string;
  eventId(index: number): string;
}

export function idempotentIds(scope: string, key: string, request: unknown): IdempotentIds {
  const fingerprint = createHash('sha256')
    .update(canonicalize(request) ?? '')
    .digest('hex');
  return {
    commandId: uuidv5(`${scope}/${key}/${fingerprint}`, NAMESPACE),
    eventId: (index) => uuidv5(`${scope}/${key}/${index}`, NAMESPACE),
  };
}

/** A new case's id under an Idempotency-Key: a retried POST /cases finds the case it created. */
export function idempotentCaseId(tenant: string, key: string): string {
  return uuidv5(`${tenant}/new-case/${key}`, NAMESPACE);
}

/** The most events one command records (each records one today); their ids are the ones an earlier execution is looked for by. */
export const MAX_EVENTS_PER_COMMAND = 8;

/** The ids of every event a request under this key can have written. */
export function possibleEventIds(ids: IdempotentIds): string[] {
  return Array.from({ length: MAX_EVENTS_PER_COMMAND }, (_, index) => ids.eventId(index));
}

/**
 * The events this key's request already wrote (as found by {@link possibleEventIds}), if it was
 * carried out; a key already used for a different request is refused rather than silently answered
 * with the other request's result.
 */
export function earlierExecution(found: readonly RecordedEvent[], ids: IdempotentIds): readonly RecordedEvent[] | undefined {
  const first = found.find((event) => event.id === ids.eventId(0));
  if (!first) return undefined;
  if (first.metadata.commandId !== ids.commandId) {
    throw new CaseError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
  return found.filter((event) => event.metadata.commandId === ids.commandId);
}
