export type CsvCell = string | number | boolean | null | undefined;

// Spreadsheet apps evaluate cells that start with these as formulas (CSV injection).
const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'];

/** RFC 4180 CSV with CRLF line ends, quoting only where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Quotes a cell when it holds a quote, comma or line break, and neutralises text that a
 * spreadsheet would run as a formula by prefixing a single quote. Numbers are written as-is,
 * so negative figures stay numeric.
 */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) {
    return '';
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') {
    return String(cell);
  }
  const guarded = FORMULA_PREFIXES.some((prefix) => cell.startsWith(prefix)) ? `'${cell}` : cell;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
