// Reads a CSV file row by row with the line each row starts on, counting the header as line 1.
// A quoted field may hold line breaks, so a row's line is where its first field starts, not its
// position in the file.
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  /** By column name as written in the header, lower case; every cell exactly as typed. */
  fields: Record<string, string>;
}

/** The file as a whole cannot be imported: no header, unknown columns, or broken quoting. */
export class ImportFileError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface ColumnSet {
  required: readonly string[];
  optional: readonly string[];
}

async function textOf(source: string | NodeJS.ReadableStream): Promise<string> {
  if (typeof source === 'string') return source;
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A force's file is a few megabytes at most, so it is read whole and parsed in one go. */
export async function* csvRows(source: string | NodeJS.ReadableStream, columns: ColumnSet): AsyncGenerator<CsvRow> {
  let lastLine = 0;
  const starts: number[] = [];
  let records: string[][];
  try {
    records = parse(await textOf(source), {
      bom: true,
      relax_column_count: true,
      // Kept, so that counting lines stays exact; blank rows are passed over below.
      skip_empty_lines: false,
      // Spreadsheets save with \r\n, editors with \n; one file may even mix them after hand edits.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Called as each record completes, so a broken record is known to start just after the last good one.
      on_record: (cells, context) => {
        starts.push(lastLine + 1);
        lastLine = context.lines;
        return cells;
      },
    });
  } catch (error) {
    // The parser's own message quotes the cell; the report names the line and the fault only.
    if (error instanceof CsvError) {
      const fault = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : 'a quote mark is out of place (quote the whole cell and double any quote inside it)';
      throw new ImportFileError(`the row on line ${lastLine + 1} cannot be read: ${fault}`, lastLine + 1);
    }
    throw error;
  }
  let header: string[] | null = null;
  for (const [index, cells] of records.entries()) {
    const line = starts[index] ?? 0;
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (header === null) {
      header = checkedHeader(cells, columns, line);
      continue;
    }
    if (cells.length > header.length) throw new ImportFileError(`line ${line} has ${cells.length} cells but the header names ${header.length} columns`, line);
    const fields: Record<string, string> = {};
    header.forEach((name, index) => { fields[name] = cells[index] ?? ''; });
    yield { line, fields };
  }
  if (header === null) throw new ImportFileError('the file is empty: the first line must name the columns', 1);
}

function checkedHeader(record: string[], columns: ColumnSet, line: number): string[] {
  const names = record.map((cell) => cell.trim().toLowerCase());
  const known = new Set([...columns.required, ...columns.optional]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new ImportFileError(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} (the columns are: ${[...known].join(', ')})`, line);
  const missing = columns.required.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new ImportFileError(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, line);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new ImportFileError(`column ${repeated} appears twice`, line);
  return names;
}
