import { describe, expect, it } from '@jest/globals';
import { readPdf, squeezed } from '../../test/support/pdf-text';
import { seedEvents } from '../../test/support/seeded-cases';
import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors, type SeedCase } from '../demo/seed-cases';
import { fold, toCaseEvent, type CaseEvent, type CaseFacts, type DocumentKind, type StoredCaseEvent } from '../lifecycle';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, currentSchemaVersion } from '../lifecycle';
import { formatSwedish, times, type Ore } from '../money';
import { caseDocuments, DOCUMENTS, documentIssuedBy, documentMismatches, documentPdf, renderDocument, WATERMARK } from '.';

const stored = (events: readonly CaseEvent[]): StoredCaseEvent[] =>
  events.map((event) => ({
    ...event,
    metadata: { schemaVersion: currentSchemaVersion(event.type), machineId: CASE_MACHINE_ID, machineVersion: CASE_MACHINE_VERSION },
  }));

/** Every date the facts hold (what the documents are about; not the contact person, who is in none of them). */
function datesOf(facts: CaseFacts): string[] {
  const dates = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    if (key === 'contactPerson' || key === 'nextMeeting') return;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) dates.add(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(facts);
  return [...dates];
}

/** The facts' amounts in öre: funding lines, payments, reports, claims, the refund. */
const AMOUNT_KEYS = new Set(['amountPerYear', 'ratePerInhabitant', 'hourlyValue', 'statedValue', 'amount', 'fundsUsed', 'refund']);

/** Every amount the facts hold, and the yearly amount of each per-inhabitant line, as the documents write them: "20 352,00 kr". */
function amountsOf(facts: CaseFacts): string[] {
  const amounts = new Set<Ore>(
    (facts.terms?.fundingLines ?? []).flatMap((line) => (line.kind === 'perInhabitant' ? [times(line.ratePerInhabitant, line.inhabitants.count)] : [])),
  );
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'number' && AMOUNT_KEYS.has(key)) amounts.add(value as Ore);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(facts);
  return [...amounts].map((amount) => formatSwedish(amount));
}

const SEEDS: [string, SeedCase][] = [
  ['Linköping (to termination)', linkoping],
  ['Robertsfors (to expiry)', robertsfors],
  ['Österåker, Brottsofferjouren (final, unsigned)', osterakerBrottsofferjouren],
  ['Österåker, Kvinnojouren (signed)', osterakerKvinnojouren],
];

describe.each(SEEDS)('the documents of %s', (_, seed) => {
  const events = seedEvents(seed);
  const facts = fold(events).context;
  const documents = caseDocuments(stored(events), facts);
  const texts = new Map<DocumentKind, string>();

  it('are the kinds the case reached, each a PDF whose text holds the diarienummer and both parties with their organisationsnummer', async () => {
    expect(documents.map((d) => d.kind)).toEqual(
      ['kvittens', 'tjansteutlatande', 'protokollsutdrag', 'overenskommelse', 'aterrapport'].slice(
        0,
        facts.signatures.municipality && facts.signatures.organisation ? 5 : 4,
      ),
    );
    for (const document of documents) {
      const { text, info } = await readPdf(documentPdf(document, facts).bytes);
      texts.set(document.kind, squeezed(text));
      for (const needle of [
        facts.diarienummer!,
        facts.municipality!.name,
        facts.municipality!.organisationNumber,
        facts.organisation!.name,
        facts.organisation!.organisationNumber,
      ]) {
        expect({ kind: document.kind, found: squeezed(text).includes(squeezed(needle)) }).toEqual({ kind: document.kind, found: true });
      }
      expect(info).toMatchObject({
        Subject: `Diarienummer ${facts.diarienummer}`,
        Author: facts.municipality!.name,
        Title: expect.stringContaining(DOCUMENTS[document.kind].name),
      });
      expect(String(info.Keywords)).toContain(facts.diarienummer);
    }
  });

  it('hold, together, every date and every amount (to the öre, in Swedish) of the facts', () => {
    const all = [...texts.values()].join('');
    const missing = [...datesOf(facts), ...amountsOf(facts)].filter((needle) => !all.includes(squeezed(needle)));
    expect(missing).toEqual([]);
  });

  it('give the decision points in order, in the tjänsteutlåtande and the protokollsutdrag', () => {
    for (const kind of ['tjansteutlatande', 'protokollsutdrag'] as const) {
      const text = texts.get(kind)!;
      const at = facts.proposal!.decisionPoints.map((point, i) => text.indexOf(squeezed(`${i + 1}. ${point}`)));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });

  it('are final, without the watermark, once the step that issues them is taken; a draft before', () => {
    for (const document of documents) {
      const text = texts.get(document.kind)!;
      expect({ kind: document.kind, watermarked: text.includes(WATERMARK) }).toEqual({ kind: document.kind, watermarked: !document.final });
    }
  });
});

describe('a document as PDF/A', () => {
  const facts = fold(seedEvents(linkoping)).context;
  const pdf = renderDocument('overenskommelse', facts);
  const raw = pdf.bytes.toString('latin1');

  it('is the same bytes from the same facts', () => {
    expect(renderDocument('overenskommelse', facts).bytes.equals(pdf.bytes)).toBe(true);
    expect(renderDocument('overenskommelse', facts).sha256).toBe(pdf.sha256);
  });

  it('says it is PDF/A-2b in its XMP metadata, is tagged in Swedish, and embeds every font it uses', () => {
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (sv-SE)');
    const fonts = raw.match(/\/BaseFont \/[^\s/]+/g) ?? [];
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => /\/[A-Z]{6}\+DejaVuSans/.test(font))).toBe(true); // subsets, none of the standard 14
    expect((raw.match(/\/FontFile2/g) ?? []).length).toBe(descriptors.length);
  });

  it('changes with a fact it shows, and its event records the hash of exactly that document', () => {
    const events = seedEvents(linkoping, 'signOrganisation'); // up to the municipality's signature
    const before = fold(events.slice(0, -1));
    const signing = events.at(-1)!;
    const issued = documentIssuedBy(before, signing)!;
    expect(issued).toEqual({ kind: 'overenskommelse', version: 1, sha256: renderDocument('overenskommelse', fold(events).context).sha256 });
    const amended = structuredClone(before.context);
    amended.terms!.noticeMonths = 3;
    expect(renderDocument('overenskommelse', amended).sha256).not.toBe(issued.sha256);
  });
});

describe('documents in the record', () => {
  /** The seed case's events as the engine records them: each issuing event with the document it issued. */
  function issued(seed: SeedCase, until?: string): StoredCaseEvent[] {
    const events = seedEvents(seed, until);
    return stored(
      events.map((event, i) => {
        const document = i > 0 ? documentIssuedBy(fold(events.slice(0, i)), event) : undefined;
        return document ? ({ ...event, data: { ...event.data, document } } as CaseEvent) : event;
      }),
    );
  }

  it('regenerate to the hashes recorded', () => {
    const events = issued(osterakerKvinnojouren);
    expect(events.filter((e) => 'document' in e.data && e.data.document).map((e) => e.type)).toEqual([
      'CaseRegistered',
      'ProposalSigned',
      'PostingRecorded',
      'AgreementSigned',
      'AgreementSigned',
    ]);
    expect(documentMismatches(events)).toEqual([]);
  });

  it('both parties sign the same bytes', () => {
    const signatures = issued(osterakerKvinnojouren).filter((e) => e.type === 'AgreementSigned');
    const [first, second] = signatures.map((e) => toCaseEvent(e).data as { document: { sha256: string } });
    expect(first.document.sha256).toBe(second.document.sha256);
  });

  it('name the document and its event when a fact it depends on was changed', () => {
    const events = issued(osterakerKvinnojouren);
    const drafted = events.findIndex((e) => e.type === 'ProposalDrafted');
    const data = structuredClone(events[drafted].data) as { terms: { fundingLines: { amountPerYear: number }[] } };
    data.terms.fundingLines[0].amountPerYear = 300_000_000;
    events[drafted] = { ...events[drafted], data };
    expect(documentMismatches(events).map(({ kind, index, event }) => ({ kind, index, event }))).toEqual([
      { kind: 'tjansteutlatande', index: 4, event: 'ProposalSigned' },
      { kind: 'overenskommelse', index: 10, event: 'AgreementSigned' },
      { kind: 'overenskommelse', index: 11, event: 'AgreementSigned' },
    ]);
  });
});
