import { definePDFJSModule, extractText, getDocumentProxy } from 'unpdf';

/**
 * unpdf's PDF.js is an ES module that unpdf loads with a dynamic import, which jest's CommonJS
 * runtime cannot do: it is loaded here by its file (swc turns it into a require), once.
 */
let loaded: Promise<void> | undefined;
const pdfjs = () => (loaded ??= definePDFJSModule(() => import(require.resolve('unpdf').replace(/index\.cjs$/, 'pdfjs.mjs'))));

/** A PDF's text, its pages in order, and its Info dictionary. */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; info: Record<string, unknown>; pages: number }> {
  await pdfjs();
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const { info } = await pdf.getMetadata();
  return { text, info: info as Record<string, unknown>, pages: totalPages };
}

/** Text compared without any whitespace: a line may break inside a name, a number or after a hyphen. */
export const squeezed = (text: string) => text.replace(/\s+/gu, '');
