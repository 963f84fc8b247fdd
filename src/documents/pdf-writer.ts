import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import { embeddedFonts } from './fonts';

/** A piece of a document's body, in reading order; each becomes one tagged structure element. */
export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Label–value lines ("Diarienummer: KS 2023/01692"). */
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  /** Numbered points, in order (beslutspunkter). */
  | { readonly kind: 'numbered'; readonly items: readonly string[] }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  /** One signature block per party, side by side on paper, one after the other here. */
  | { readonly kind: 'signatures'; readonly parties: readonly { readonly heading: string; readonly lines: readonly string[] }[] };

/** What a document says: its title, the lines at its head (Datum, Dnr) and its body. */
export interface DocumentContent {
  readonly title: string;
  readonly head: readonly (readonly [string, string])[];
  readonly blocks: readonly Block[];
}

/** The document's metadata, in the PDF's Info dictionary and its XMP (PDF/A asks for both, the same). */
export interface DocumentMeta {
  readonly title: string;
  readonly diarienummer: string;
  readonly municipality: string;
  /** The document's date from the case's facts: its CreationDate, and so its file ID. */
  readonly created: Date;
  /** A draft carries a watermark on every page until the step that makes it final. */
  readonly draft: boolean;
}

export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly sha256: string;
}

export const WATERMARK = 'UTKAST';
const MARGIN = 64;
const SIZE = { title: 17, heading: 12.5, body: 10.5, small: 8.5 };

/**
 * PDF/A-2b (pdfkit's PDF/A subset: XMP with pdfaid, an sRGB output intent), fonts embedded as
 * subsets of DejaVu Sans (Swedish glyphs), tagged for screen readers, in Swedish. Deterministic:
 * pdfkit's only varying inputs are CreationDate (and the file ID made from the Info dictionary),
 * both given here from the case's facts, so the same facts give the same bytes.
 */
export function writePdf(meta: DocumentMeta, content: DocumentContent): RenderedPdf {
  // pdfkit takes a parsed fontkit font (src.layout) as well as a path or bytes; its types say only the latter.
  const fonts = embeddedFonts() as unknown as Record<'regular' | 'bold', string>;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    bufferPages: true,
    font: fonts.regular,
    info: {
      Title: xmpSafe(meta.title),
      Author: xmpSafe(meta.municipality),
      Subject: xmpSafe(`Diarienummer ${meta.diarienummer}`),
      Keywords: xmpSafe(`IOP; ${meta.diarienummer}; ${meta.municipality}`),
      Creator: 'iop-engine',
      Producer: 'iop-engine (pdfkit)',
      CreationDate: meta.created,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const root = doc.struct('Document');
  doc.addStructure(root);
  writeHead(doc, root, content);
  for (const block of content.blocks) writeBlock(doc, root, block);
  root.end();
  decoratePages(doc, meta);
  doc.end();
  const bytes = drain(doc);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

type Doc = PDFKit.PDFDocument;

/**
 * pdfkit pushes every byte into its readable side while it writes, synchronously, and never
 * waits to be read: left paused, the whole file is in its buffer once `end()` returns. Reading it
 * there keeps rendering synchronous, so the verifier can regenerate documents inside its fold.
 */
function drain(doc: Doc): Buffer {
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}
type Struct = PDFKit.PDFStructureElement;

/**
 * pdfkit writes Info values into the XMP packet as they are: the three characters XML gives a
 * meaning would break it, so they are left out of the metadata (the text itself keeps them).
 */
function xmpSafe(text: string): string {
  return text.replace(/[<>&]/g, ' ');
}

function writeHead(doc: Doc, root: Struct, content: DocumentContent): void {
  if (content.head.length > 0) {
    root.add(
      doc.struct('P', {}, () => {
        doc.font('regular').fontSize(SIZE.body);
        for (const [label, value] of content.head) doc.text(`${label} ${value}`, { align: 'right' });
      }),
    );
    doc.moveDown(1.2);
  }
  root.add(doc.struct('H1', {}, () => doc.font('bold').fontSize(SIZE.title).text(content.title)));
  doc.moveDown(0.8);
}

function writeBlock(doc: Doc, root: Struct, block: Block): void {
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.4);
      root.add(doc.struct('H2', {}, () => doc.font('bold').fontSize(SIZE.heading).text(block.text)));
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      root.add(doc.struct('P', {}, () => doc.font('regular').fontSize(SIZE.body).text(block.text, { align: 'left' })));
      doc.moveDown(0.5);
      return;
    case 'fields':
      for (const [label, value] of block.rows) {
        root.add(
          doc.struct('P', {}, () => {
            doc.font('bold').fontSize(SIZE.body).text(`${label}: `, { continued: true });
            doc.font('regular').text(value);
          }),
        );
      }
      doc.moveDown(0.5);
      return;
    case 'numbered':
    case 'bullets':
      writeList(doc, root, block.kind === 'numbered' ? block.items.map((item, i) => `${i + 1}. ${item}`) : block.items.map((item) => `– ${item}`));
      return;
    case 'signatures':
      for (const party of block.parties) {
        doc.moveDown(1);
        root.add(doc.struct('H3', {}, () => doc.font('bold').fontSize(SIZE.body).text(party.heading)));
        root.add(
          doc.struct('P', {}, () => {
            doc.font('regular').fontSize(SIZE.body);
            for (const line of party.lines) doc.text(line);
          }),
        );
      }
      return;
  }
}

/** A list as L > LI > LBody, its label written with the item so that text extraction reads "1. …". */
function writeList(doc: Doc, root: Struct, items: readonly string[]): void {
  const list = doc.struct('L');
  root.add(list);
  for (const item of items) {
    const entry = doc.struct('LI');
    list.add(entry);
    entry.add(doc.struct('LBody', {}, () => doc.font('regular').fontSize(SIZE.body).text(item, { indent: 12 })));
    entry.end();
  }
  list.end();
  doc.moveDown(0.5);
}

/** Footer (diarienummer, page n (m)) and, on a draft, the watermark: artifacts, not content, for a screen reader. */
function decoratePages(doc: Doc, meta: DocumentMeta): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(SIZE.small)
      .fillColor('#444444')
      .text(`${meta.municipality} · Dnr ${meta.diarienummer} · Sida ${page - start + 1} (${count})`, MARGIN, doc.page.height - MARGIN / 2 - SIZE.small, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    if (meta.draft) watermark(doc);
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

function watermark(doc: Doc): void {
  const { width, height } = doc.page;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.save();
  doc.rotate(-40, { origin: [width / 2, height / 2] });
  doc.font('bold').fontSize(110).fillColor('#b00020').fillOpacity(0.12);
  doc.text(WATERMARK, 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.endMarkedContent();
}
