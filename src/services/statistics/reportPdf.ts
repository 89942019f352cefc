// The operation report as a PDF, made on the server with pdfmake (pure JavaScript) from a frozen
// release only, so the PDF always says what the published release says. It uses PDF's standard
// Helvetica (nothing to load) and may read no file or address.
import { createRequire } from 'node:module';
import { FIGURE_LABELS, cellText, type ReleaseContent } from './releaseContent.ts';
import type { PublishedRelease } from './releases.ts';

// pdfmake's published types pull in the browser's DOM types for the whole program, so the few
// calls used here are typed locally instead.
type Content = object | string;
type TDocumentDefinitions = Record<string, unknown>;
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
pdfmake.setFonts({ Helvetica: HELVETICA });
pdfmake.setUrlAccessPolicy(() => false);
// The standard fonts are asked for by name; nothing else may be read from the disk.
const STANDARD_FONTS = new Set(Object.values(HELVETICA));
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

const HEADLINE = ['visits', 'premisesVisited', 'potentialVictims', 'possibleChildren', 'arrests', 'peopleArrested', 'charges'] as const;

function date(text: string): string {
  return new Date(`${text.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function money(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amountMinor / 100);
}

function table(caption: string, firstHeading: string, columns: readonly string[], rows: ReleaseContent['byForce']['rows'], totals: ReleaseContent['byForce']['totals']): Content[] {
  const header = [firstHeading, ...columns].map((text, i) => ({ text, bold: true, alignment: i === 0 ? 'left' as const : 'right' as const }));
  const body = rows.map((r) => [r.label, ...r.cells.map((c) => ({ text: cellText(c), alignment: 'right' as const }))]);
  const total = [{ text: 'Total', bold: true }, ...totals.map((c) => ({ text: cellText(c), bold: true, alignment: 'right' as const }))];
  return [
    { text: caption, style: 'h2' },
    { table: { headerRows: 1, widths: ['*', ...columns.map(() => 'auto' as const)], body: [header, ...body, total] }, layout: 'lightHorizontalLines', fontSize: 8, margin: [0, 0, 0, 12] },
  ];
}

export function reportDefinition(release: PublishedRelease, options: { compress?: boolean } = {}): TDocumentDefinitions {
  const c = release.content;
  const figureRows = HEADLINE.map((f) => [{ text: FIGURE_LABELS[f], bold: true }, { text: cellText(c.headline[f]), fontSize: 14, bold: true, alignment: 'right' as const }, { text: c.definitions[f], fontSize: 8, color: '#505a5f' }]);
  const cashRows = c.cashSeized.map((cash) => [{ text: `Cash seized (${cash.currency})`, bold: true }, { text: money(cash.amountMinor, cash.currency), fontSize: 14, bold: true, alignment: 'right' as const }, { text: 'Cash seized on visits.', fontSize: 8, color: '#505a5f' }]);
  const content: Content[] = [
    { text: `Lifeline operation report · published ${date(release.publishedOn)}`, fontSize: 9, color: '#505a5f' },
    { text: `${c.operation.name}: results`, style: 'h1' },
    { text: `${date(c.operation.startsOn)} to ${date(c.operation.endsOn)}`, margin: [0, 0, 0, 10] },
    ...(release.status === 'superseded' ? [{ text: 'These figures have been replaced by a corrected release.', bold: true, margin: [0, 0, 0, 8] } as Content] : []),
    ...(release.correctionReason === null ? [] : [{ text: `This release corrects an earlier release: ${release.correctionReason}`, margin: [0, 0, 0, 8] } as Content]),
    { text: 'Headline results', style: 'h2' },
    { table: { widths: ['auto', 'auto', '*'], body: [...figureRows, ...cashRows] }, layout: 'noBorders', margin: [0, 0, 0, 12] },
    ...table('Results by police force', 'Police force', c.byForce.columns.map((f) => FIGURE_LABELS[f]), c.byForce.rows, c.byForce.totals),
    ...table('Results by month', 'Month', c.byMonth.columns.map((f) => FIGURE_LABELS[f]), c.byMonth.rows, c.byMonth.totals),
    { text: 'About these figures', style: 'h2' },
    { ul: c.notes, fontSize: 9 },
    { text: `Counted from the records on ${date(c.countedAt)}. Release fingerprint (SHA-256 of its figures): ${release.contentHash}`, fontSize: 8, margin: [0, 10, 0, 0] },
  ];
  return {
    info: { title: `${c.operation.name}: results`, subject: 'Operation report', creator: 'Lifeline' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    compress: options.compress ?? true,
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: { h1: { fontSize: 20, bold: true, margin: [0, 4, 0, 4] }, h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 6] } },
    footer: (page: number, pages: number) => ({ text: `Page ${page} of ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 20, 0, 0] }),
    content,
  };
}

export async function releasePdf(release: PublishedRelease, options: { compress?: boolean } = {}): Promise<Buffer> {
  return pdfmake.createPdf(reportDefinition(release, options)).getBuffer();
}
