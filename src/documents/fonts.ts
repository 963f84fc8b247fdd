import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

/**
 * DejaVu Sans from its npm package (dejavu-fonts-ttf): TrueType with every Swedish glyph (and
 * Sami, and more), free to embed. PDF/A needs every font embedded, so nothing falls back to the
 * standard 14. Parsed once, on first use, with pdfkit's own fontkit: parsing the font's tables was
 * most of a document's cost, and pdfkit takes a parsed font, embedding a subset per document.
 */
let fonts: { regular: Font; bold: Font } | undefined;

export function embeddedFonts(): { regular: Font; bold: Font } {
  fonts ??= { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  return fonts;
}

function parse(file: string): Font {
  return create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as Font;
}
