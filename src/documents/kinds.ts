import type { CaseEventType, CaseFacts, DocumentKind, IsoDate } from '../lifecycle';
import type { DocumentContent } from './pdf-writer';
import { aterrapport, reportDate } from './templates/aterrapport';
import { kvittens } from './templates/kvittens';
import { agreementDate, overenskommelse } from './templates/overenskommelse';
import { protokollsutdrag } from './templates/protokollsutdrag';
import { tjansteutlatande } from './templates/tjansteutlatande';

/**
 * What the engine knows of each document kind: its name, its template's version, the event with
 * which it leaves the engine (and carries its hash), when a case has reached it (a draft can be
 * made), when it is final, its date, and its content. Changing what a template writes means a new
 * version: verification regenerates documents with the version their event recorded.
 */
export interface DocumentKindDefinition {
  readonly name: string;
  readonly version: number;
  /** The event that sends, signs or publishes it. */
  readonly issuedBy: CaseEventType;
  reached(facts: CaseFacts): boolean;
  /** Final from the step that issues it on; a draft (watermarked) before. */
  final(facts: CaseFacts): boolean;
  /** The document's date from the facts: its CreationDate, so the same facts give the same bytes. */
  dated(facts: CaseFacts): IsoDate;
  content(facts: CaseFacts): DocumentContent;
}

const bothSigned = (f: CaseFacts) => f.signatures.municipality !== null && f.signatures.organisation !== null;

export const DOCUMENTS: Readonly<Record<DocumentKind, DocumentKindDefinition>> = {
  kvittens: {
    name: 'Kvittens',
    version: 1,
    issuedBy: 'CaseRegistered',
    reached: (f) => f.registeredOn !== null,
    final: (f) => f.registeredOn !== null,
    dated: (f) => f.registeredOn!,
    content: kvittens,
  },
  tjansteutlatande: {
    name: 'Tjänsteutlåtande',
    version: 1,
    issuedBy: 'ProposalSigned',
    reached: (f) => f.proposal !== null,
    final: (f) => f.proposal?.signedOn != null,
    dated: (f) => f.proposal!.draftedOn,
    content: tjansteutlatande,
  },
  protokollsutdrag: {
    name: 'Protokollsutdrag',
    version: 1,
    issuedBy: 'PostingRecorded',
    reached: (f) => f.decisions.length > 0,
    final: (f) => f.protocol.postedOn !== null,
    dated: (f) => f.decisions.at(-1)!.meetingDate,
    content: protokollsutdrag,
  },
  overenskommelse: {
    name: 'Överenskommelse',
    version: 1,
    issuedBy: 'AgreementSigned',
    reached: (f) => f.proposal !== null,
    final: (f) => f.signatures.municipality !== null || f.signatures.organisation !== null,
    dated: agreementDate,
    content: overenskommelse,
  },
  aterrapport: {
    name: 'Återrapport',
    version: 1,
    issuedBy: 'ReportBackSubmitted',
    reached: bothSigned,
    final: (f) => f.reportBack !== null,
    dated: reportDate,
    content: aterrapport,
  },
};

/** The kind an event issues, if it issues one. */
export function kindIssuedBy(type: string): DocumentKind | undefined {
  return (Object.keys(DOCUMENTS) as DocumentKind[]).find((kind) => DOCUMENTS[kind].issuedBy === type);
}
