/** One CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180); null is an empty cell. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  // a leading = + - @ would run as a formula in a spreadsheet: prefix it so it stays text
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document (CRLF line ends, header first). */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A released figure as CSV cells: the value, or empty with `suppressed` true (a hidden cell stays hidden). */
export function releasedCells(value: number | null, suppressed: boolean): [number | null, boolean] {
  return [suppressed ? null : value, suppressed];
}
