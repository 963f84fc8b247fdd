import { readFileSync } from 'node:fs';

/**
 * DejaVu Sans from its npm package (dejavu-fonts-ttf): TrueType with every Swedish glyph, free to
 * embed. PDF/A needs every font embedded, so nothing falls back to the standard 14. Read once, on
 * first use: pdfkit parses a font given as bytes without opening the file for each document.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;

export function embeddedFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}
