import type { CaseFacts, DocumentKind } from '../lifecycle';
import { DOCUMENTS } from './kinds';
import { writePdf, type RenderedPdf } from './pdf-writer';

/** A case's document as PDF/A bytes; `draft` from the facts: watermarked until the step that makes it final. */
export function renderDocument(kind: DocumentKind, facts: CaseFacts): RenderedPdf {
  const definition = DOCUMENTS[kind];
  const content = definition.content(facts);
  return writePdf(
    {
      title: `${definition.name}: ${content.title}`,
      diarienummer: facts.diarienummer ?? '',
      municipality: facts.municipality?.name ?? '',
      created: new Date(`${definition.dated(facts)}T12:00:00Z`),
      draft: !definition.final(facts),
    },
    content,
  );
}
