/**
 * CSV for spreadsheets (RFC 4180), safe to open in Excel: a cell that starts with
 * = + - @ (or a tab or carriage return) would run as a formula, so it is prefixed with an
 * apostrophe, which spreadsheets show as text (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // CRLF line ends and a BOM so Excel reads UTF-8 (e.g. "£", "–") correctly.
  return "\uFEFF" + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
