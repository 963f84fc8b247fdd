/** The documents officials send, sign and publish, made from a case's facts as PDF/A (see kinds.ts). */
export { DOCUMENTS, kindIssuedBy, type DocumentKindDefinition } from './kinds';
export { documentIssuedBy } from './issue';
export { documentMismatches, issuancesOf, type DocumentMismatch, type Issuance } from './issued';
export { caseDocuments, documentPdf, type CaseDocument } from './catalogue';
export { renderDocument } from './render';
export { WATERMARK, type RenderedPdf } from './pdf-writer';
export { CLOSURE_TEXT } from './templates/aterrapport';
