import { DOCUMENT_KINDS, evolve, type CaseFacts, type DocumentKind, type StoredCaseEvent } from '../lifecycle';
import { issuancesOf, type Issuance } from './issued';
import { DOCUMENTS } from './kinds';
import { renderDocument } from './render';
import type { RenderedPdf } from './pdf-writer';

/** A document the case has reached: final (and the event that issued it, when one did) or still a draft. */
export interface CaseDocument {
  readonly kind: DocumentKind;
  readonly final: boolean;
  /** The latest event that issued it, while it is final. */
  readonly issued: Issuance | undefined;
}

/** The documents a case has reached, in the order a case meets them. */
export function caseDocuments(events: readonly StoredCaseEvent[], facts: CaseFacts): CaseDocument[] {
  const issuances = issuancesOf(events);
  return DOCUMENT_KINDS.filter((kind) => DOCUMENTS[kind].reached(facts)).map((kind) => {
    const final = DOCUMENTS[kind].final(facts);
    return { kind, final, issued: final ? issuances.findLast((issuance) => issuance.document.kind === kind) : undefined };
  });
}

/**
 * The document's PDF: as it was issued (made again from the case as its event left it: the same
 * bytes as the hash recorded), or a watermarked draft from the case as it is now.
 */
export function documentPdf({ kind, issued }: CaseDocument, facts: CaseFacts): RenderedPdf {
  return renderDocument(kind, issued ? evolve(issued.before, issued.event).context : facts);
}
