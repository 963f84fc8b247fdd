import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { caseDocuments, DOCUMENTS, documentPdf, type CaseDocument } from '../../documents';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lifecycle';
import { assertVisible } from '../shared/case-access';
import { CaseError } from '../shared/case-error';
import { CaseRepository, type LoadedCase } from '../shared/case-repository';
import type { CaseDocumentDto } from './documents.dto';

/** A document's PDF as the API sends it: its bytes and a file name that says what and whose. */
export interface DocumentFile {
  readonly bytes: Buffer;
  readonly filename: string;
  readonly final: boolean;
}

/**
 * The documents of a case the caller may see (src/documents makes them): listed with where each
 * stands, and each as PDF. The case is read as stored: no document shows personal data.
 */
@Injectable()
export class CaseDocuments {
  constructor(private readonly cases: CaseRepository) {}

  async list(actor: Actor, caseId: string): Promise<CaseDocumentDto[]> {
    const loaded = await this.visible(actor, caseId);
    return caseDocuments(loaded.events, loaded.snapshot.context).map((document) => listed(loaded, document));
  }

  async file(actor: Actor, caseId: string, kind: string): Promise<DocumentFile> {
    const loaded = await this.visible(actor, caseId);
    const document = caseDocuments(loaded.events, loaded.snapshot.context).find((reached) => reached.kind === kind);
    if (!document) {
      const known = DOCUMENT_KINDS.includes(kind as DocumentKind);
      throw new CaseError('DOCUMENT_NOT_FOUND', known ? `Case ${caseId} has not reached its ${kind} yet.` : `No document kind ${kind}.`, {
        kinds: DOCUMENT_KINDS,
      });
    }
    return { bytes: documentPdf(document, loaded.snapshot.context).bytes, filename: fileName(loaded, document), final: document.final };
  }

  private async visible(actor: Actor, caseId: string): Promise<LoadedCase> {
    const loaded = await this.cases.load(actor.tenant, caseId);
    assertVisible(actor, loaded);
    return loaded;
  }
}

/** "overenskommelse-SON-2019-536.pdf"; a draft says so. */
export function fileName(loaded: LoadedCase, { kind, final }: CaseDocument): string {
  const number = (loaded.snapshot.context.diarienummer ?? loaded.id).replace(/[^\w-]+/g, '-');
  return `${kind}-${number}${final ? '' : '-utkast'}.pdf`;
}

function listed(loaded: LoadedCase, { kind, final, issued }: CaseDocument): CaseDocumentDto {
  const event = issued && loaded.events[issued.index];
  return {
    kind,
    name: DOCUMENTS[kind].name,
    status: final ? 'final' : 'draft',
    href: `/cases/${loaded.id}/documents/${kind}`,
    issued: event
      ? {
          revision: event.revision.toString(),
          event: event.type,
          recordedAt: event.metadata.recordedAt,
          version: issued.document.version,
          sha256: issued.document.sha256,
        }
      : null,
  };
}
