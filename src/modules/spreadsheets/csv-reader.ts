import type { ReadCell } from "./xlsx";

/**
 * RFC 4180 CSV into rows of text cells: quoted fields with commas, quotes and line breaks,
 * CRLF or LF, a UTF-8 byte-order mark dropped. What Excel's "CSV UTF-8" writes.
 */
export function parseCsv(text: string): ReadCell[][] {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: ReadCell[][] = [];
  let row: ReadCell[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field === "" ? { kind: "empty" } : { kind: "text", text: field });
    field = "";
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      endField();
      rows.push(row);
      row = [];
      if (ch === "\r" && source[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
