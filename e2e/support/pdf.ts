// Just enough PDF reading to check a report as it is served: its pages and the text it draws.
// The project has no PDF parser (pdfjs-dist is not installed), and needs none for this: pdfkit,
// under pdfmake, writes plain page objects and FlateDecode content streams, and with PDF's
// standard fonts it draws text as hex strings in WinAnsi, which Node's zlib and Buffer can read.
import { inflateSync } from 'node:zlib';

export interface PdfPage { width: number; height: number }

/** Every page object's size in points, in the order they are written. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\/Type \/Page\b[^]*?\/MediaBox \[([^\]]+)\]/g)].map((match) => {
    const [x0, y0, x1, y1] = (match[1] ?? '').trim().split(/\s+/).map(Number);
    return { width: (x1 ?? 0) - (x0 ?? 0), height: (y1 ?? 0) - (y0 ?? 0) };
  });
}

/** The content streams, inflated where they are compressed. */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    const dictionary = match[1] ?? '';
    // Fonts and images have their own filters and hold no page text.
    if (/\/Subtype|\/Length1/.test(dictionary)) continue;
    streams.push(/\/FlateDecode/.test(dictionary) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1'));
  }
  return streams;
}

/**
 * The text the pages draw, in drawing order. pdfkit draws a line word by word and kerning splits
 * a word into several strings, so the pieces are joined with nothing between them: a table row
 * reads as its cells run together ("Arrests12").
 */
export function pdfText(pdf: Buffer): string {
  return contentStreams(pdf)
    .flatMap((stream) => [...stream.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)])
    .map((op) => [...(op[1] ?? `<${op[2] ?? ''}>`).matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1')).join(''))
    .join('');
}
