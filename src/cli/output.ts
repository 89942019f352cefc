/** Prints rows as an aligned text table for a person at a terminal. */
export function printTable(rows: ReadonlyArray<Record<string, string>>, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd();
  write(line(columns));
  write(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) write(line(columns.map((column) => row[column] ?? '')));
}
