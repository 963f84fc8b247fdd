import { evolve, type CaseEvent, type CaseSnapshot, type IssuedDocument } from '../lifecycle';
import { DOCUMENTS, kindIssuedBy } from './kinds';
import { renderDocument } from './render';

/**
 * The document an event issues, if it issues one: made from the case with the event applied (its
 * signer, its date), final. The command handler passes it to the lifecycle, which records it on
 * the event; verification calls the same to regenerate it and compare.
 */
export function documentIssuedBy(before: CaseSnapshot, event: CaseEvent): IssuedDocument | undefined {
  const kind = kindIssuedBy(event.type);
  if (kind === undefined) return undefined;
  return { kind, version: DOCUMENTS[kind].version, sha256: renderDocument(kind, evolve(before, event).context).sha256 };
}
