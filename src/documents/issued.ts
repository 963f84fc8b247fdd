import {
  applyRecorded,
  LifecycleError,
  toCaseEvent,
  type CaseEvent,
  type CaseSnapshot,
  type DocumentKind,
  type IssuedDocument,
  type StoredCaseEvent,
} from '../lifecycle';
import { DOCUMENTS } from './kinds';
import { documentIssuedBy } from './issue';

/** A document a case's event issued: where in the stream, by which event, and the case just before it. */
export interface Issuance {
  /** The event's position in the stream (its revision). */
  readonly index: number;
  readonly event: CaseEvent;
  readonly document: IssuedDocument;
  readonly before: CaseSnapshot;
}

/**
 * Every document a case's events issued, in stream order, with the case as it was before each.
 * The fold stops at an event the machine refuses (verification reports that event anyway).
 */
export function issuancesOf(events: readonly StoredCaseEvent[]): Issuance[] {
  const issuances: Issuance[] = [];
  let state: CaseSnapshot | undefined;
  for (const [index, recorded] of events.entries()) {
    const before = state;
    try {
      state = applyRecorded(state, recorded);
    } catch (error) {
      if (error instanceof LifecycleError) return issuances;
      throw error;
    }
    const event = toCaseEvent(recorded);
    const document = 'document' in event.data ? event.data.document : null;
    if (document && before) issuances.push({ index, event, document, before });
  }
  return issuances;
}

/** A document that is not what its event recorded: which document, which event, and both hashes. */
export interface DocumentMismatch {
  readonly kind: DocumentKind;
  readonly index: number;
  readonly event: string;
  readonly recorded: string;
  /** Null when this build has not the template version the event names. */
  readonly regenerated: string | null;
  readonly what: string;
}

/**
 * Regenerates each document a case's events issued from the events up to its own and compares it
 * with the hash recorded: a changed fact it depends on (a tampered event before it) or a changed
 * hash shows as a mismatch that names the document and the event.
 */
export function documentMismatches(events: readonly StoredCaseEvent[]): DocumentMismatch[] {
  return issuancesOf(events).flatMap(({ index, event, document, before }) => {
    const name = `the ${DOCUMENTS[document.kind].name.toLowerCase()} (${document.kind} v${document.version}) that ${event.type} issued at revision ${index}`;
    if (document.version !== DOCUMENTS[document.kind].version) {
      const what = `${name} was made by a template version this build does not have (v${DOCUMENTS[document.kind].version})`;
      return [{ kind: document.kind, index, event: event.type, recorded: document.sha256, regenerated: null, what }];
    }
    const regenerated = documentIssuedBy(before, event)?.sha256 ?? null;
    if (regenerated === document.sha256) return [];
    const what = `${name} differs from the one regenerated from the events before it: recorded sha256 ${document.sha256}, regenerated ${regenerated}`;
    return [{ kind: document.kind, index, event: event.type, recorded: document.sha256, regenerated, what }];
  });
}
