import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CLOSURE_TEXT } from '../../documents';
import type { CaseFacts, DocumentKind } from '../../lifecycle';

/** The namespace of the package's description; its schema is docs/archive/arende.xsd. */
export const ARCHIVE_NAMESPACE = 'urn:iop-engine:arkiv:arende:1';

/** A file of the package as the description lists it (handling): a document, the event log or the verification. */
export interface ArchivedFile {
  readonly path: string;
  readonly sha256: string;
  /** What the file is, for the e-archive: "Överenskommelse", "Händelselogg", … */
  readonly title: string;
  readonly type: DocumentKind | 'handelselogg' | 'verifiering';
  readonly format: string;
  /** Documents: final or draft; with the event that issued it, when one did. */
  readonly document?: {
    readonly final: boolean;
    readonly date: string;
    readonly issued?: { readonly revision: string; readonly event: string; readonly recordedAt: string };
  };
}

/**
 * The package's description, after the structure of FGS Ärendehantering (the Swedish e-archive
 * specification for case records): the delivery (who, from which system), the ärende with its
 * diarienummer, dates and status, its aktörer (parties with organisationsnummer, officer,
 * deciding bodies, signatories) and its handlingar, each file with its sha256. Deterministic: no
 * clock, dates from the case.
 */
export function archiveXml(caseId: string, facts: CaseFacts, files: readonly ArchivedFile[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ARCHIVE_NAMESPACE, 'Leveransobjekt').att('schemaversion', '1');
  const delivery = root.ele('Leveransinformation');
  delivery
    .ele('Arkivbildare')
    .ele('Namn')
    .txt(facts.municipality?.name ?? '')
    .up()
    .ele('Organisationsnummer')
    .txt(facts.municipality?.organisationNumber ?? '');
  delivery.ele('System').txt('iop-engine');
  delivery.ele('Leveransdatum').txt(facts.closed?.on ?? '');

  const arende = root.ele('Arende');
  arende.ele('ArkivobjektID').txt(facts.diarienummer ?? caseId);
  arende.ele('Diarienummer').txt(facts.diarienummer ?? '');
  arende.ele('ArendeID').txt(caseId);
  arende.ele('Arendemening').txt(facts.proposal?.title ?? facts.purpose ?? '');
  arende.ele('Arendetyp').txt('Idéburet offentligt partnerskap (IOP)');
  arende.ele('Status').txt('Avslutat');
  arende.ele('Avslutsorsak').txt(facts.closed ? capitalised(CLOSURE_TEXT[facts.closed.as]) : '');
  dates(arende.ele('Datum'), facts);
  actors(arende.ele('Aktorer'), facts);
  const handlingar = arende.ele('Handlingar');
  for (const file of files) handling(handlingar, file);
  return root.end({ prettyPrint: true }) + '\n';
}

function dates(parent: XMLBuilder, facts: CaseFacts): void {
  const approved = facts.decisions.findLast((decision) => decision.outcome === 'approved');
  const entries: [string, string | null | undefined][] = [
    ['Inkommen', facts.receivedOn],
    ['Registrerad', facts.registeredOn],
    ['Beslutad', approved?.meetingDate],
    ['LagaKraft', facts.finalOn],
    ['AvtalsperiodFran', facts.terms?.period.start],
    ['AvtalsperiodTill', facts.terms?.period.end],
    ['Avslutad', facts.closed?.on],
  ];
  for (const [name, date] of entries) if (date) parent.ele(name).txt(date);
}

function actors(parent: XMLBuilder, facts: CaseFacts): void {
  const actor = (role: string, name: string, extra: [string, string][] = []) => {
    const element = parent.ele('Aktor');
    element.ele('Roll').txt(role).up().ele('Namn').txt(name);
    for (const [key, value] of extra) element.ele(key).txt(value);
  };
  if (facts.municipality) actor('Kommun', facts.municipality.name, [['Organisationsnummer', facts.municipality.organisationNumber]]);
  if (facts.organisation) actor('Organisation', facts.organisation.name, [['Organisationsnummer', facts.organisation.organisationNumber]]);
  if (facts.officer) actor('Handläggare', facts.officer.name);
  if (facts.proposal?.signedBy) actor('Undertecknare av tjänsteutlåtandet', facts.proposal.signedBy.name, [['Titel', facts.proposal.signedBy.title]]);
  for (const body of new Set(facts.decisions.map((decision) => decision.body.name))) actor('Beslutande organ', body);
  for (const signature of [facts.signatures.municipality, facts.signatures.organisation]) {
    if (signature)
      actor('Undertecknare av överenskommelsen', signature.signatory.name, [
        ['Titel', signature.signatory.title],
        ['Organisationsnummer', signature.organisationNumber],
      ]);
  }
}

function handling(parent: XMLBuilder, file: ArchivedFile): void {
  const element = parent.ele('Handling');
  element.ele('HandlingID').txt(file.path);
  element.ele('Rubrik').txt(file.title);
  element.ele('Handlingstyp').txt(file.type);
  if (file.document) {
    element.ele('Status').txt(file.document.final ? 'Slutlig' : 'Utkast');
    element.ele('Datum').txt(file.document.date);
    const issued = file.document.issued;
    if (issued)
      element.ele('Expedierad').ele('Revision').txt(issued.revision).up().ele('Handelse').txt(issued.event).up().ele('Tidpunkt').txt(issued.recordedAt);
  }
  const bilaga = element.ele('Bilaga');
  bilaga.ele('Lank').txt(file.path).up().ele('Format').txt(file.format).up().ele('Checksumma').att('algoritm', 'SHA-256').txt(file.sha256);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
