import type { StateValue } from 'xstate';
import { activeLeaves, CLOSED_TAG, stateLabel, type CaseSnapshot, type Label } from '../../lifecycle';

/** Where a case is, for machines (the active leaf states) and for people (a label in Swedish and English). */
export interface CaseState {
  /** The machine's own state value: a state name, or nested objects of them. */
  readonly value: StateValue;
  /** The same as dotted paths of the active leaf states; several while both parties sign. */
  readonly paths: string[];
  readonly label: Label;
  readonly closed: boolean;
}

/** What a command answers: the case's id, its new state and the revision to send as If-Match next. */
export interface CaseResult {
  readonly id: string;
  readonly state: CaseState;
  readonly revision: string;
}

export function caseState(snapshot: CaseSnapshot): CaseState {
  return { value: snapshot.value, paths: activeLeaves(snapshot), label: stateLabel(snapshot), closed: snapshot.hasTag(CLOSED_TAG) };
}

export function caseResult(id: string, snapshot: CaseSnapshot, revision: bigint): CaseResult {
  return { id, state: caseState(snapshot), revision: revision.toString() };
}

/** The ETag of a case at a revision; If-Match takes it back. */
export function etag(revision: bigint | string): string {
  return `"${revision}"`;
}

/** The ETag response header, for the OpenAPI document. */
export const ETAG_HEADER = { ETag: { description: 'The case revision, quoted: send it back as If-Match.', schema: { type: 'string', example: '"7"' } } };
