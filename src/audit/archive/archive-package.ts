import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import { asCaseEvents } from '../../cases/shared/case-stream';
import { caseDocuments, DOCUMENTS, documentPdf } from '../../documents';
import { toJsonLines, type CaseRecord } from '../export/case-export';
import { archiveXml, type ArchivedFile } from './archive-xml';

export const MANIFEST = 'manifest-sha256.txt';
export const DESCRIPTION = 'arende.xml';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * A closed case for the e-archive, as one zip: its documents as PDF/A, its event log as JSON Lines
 * (the export's, verifiable outside the engine), the verification, a description after FGS
 * Ärendehantering (arende.xml, schema docs/archive/arende.xsd) and a manifest of sha256 checksums
 * in `sha256sum -c` form. The same record gives the same bytes: every date is the case's.
 */
export function archivePackage(record: CaseRecord): Uint8Array {
  const caseId = record.history.caseId;
  const files: { file: ArchivedFile; bytes: Uint8Array }[] = [];
  const add = (file: Omit<ArchivedFile, 'sha256'>, bytes: Uint8Array) => files.push({ file: { ...file, sha256: sha256(bytes) }, bytes });

  for (const document of caseDocuments(asCaseEvents(record.events), record.facts)) {
    const definition = DOCUMENTS[document.kind];
    const event = document.issued && record.events[document.issued.index];
    add(
      {
        path: `dokument/${document.kind}.pdf`,
        title: definition.name,
        type: document.kind,
        format: 'PDF/A-2b',
        document: {
          final: document.final,
          date: definition.dated(record.facts),
          ...(event && { issued: { revision: event.revision.toString(), event: event.type, recordedAt: event.metadata.recordedAt } }),
        },
      },
      documentPdf(document, record.facts).bytes,
    );
  }
  add({ path: 'handelselogg.jsonl', title: 'Händelselogg', type: 'handelselogg', format: 'JSON Lines' }, utf8(toJsonLines(record)));
  add({ path: 'verifiering.json', title: 'Verifiering', type: 'verifiering', format: 'JSON' }, utf8(JSON.stringify(record.verdict, null, 2) + '\n'));

  const description = utf8(
    archiveXml(
      caseId,
      record.facts,
      files.map(({ file }) => file),
    ),
  );
  const entries = [...files.map(({ file, bytes }) => ({ path: file.path, bytes })), { path: DESCRIPTION, bytes: description }];
  const manifest = utf8(entries.map(({ path, bytes }) => `${sha256(bytes)}  ${path}\n`).join(''));
  // Zip entries carry a time: the day the case closed, so the package is the same whenever it is made.
  const mtime = new Date(`${record.facts.closed?.on ?? '1980-01-01'}T12:00:00Z`);
  const zippable: Zippable = {};
  for (const { path, bytes } of [...entries, { path: MANIFEST, bytes: manifest }]) zippable[path] = [bytes, { mtime }];
  return zipSync(zippable, { level: 6 });
}
