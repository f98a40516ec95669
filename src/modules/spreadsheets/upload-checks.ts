/**
 * What an uploaded file must be before any spreadsheet library sees it: within the size limit,
 * an .xlsx (a zip whose central directory is sane) or a UTF-8 CSV, not an executable, an
 * encrypted workbook (an OLE compound file) or a zip bomb. Pure: bytes in, a verdict out.
 */

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Uncompressed size allowed for the whole workbook: a real 60,000-row tracker is ~15 MB. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A genuine workbook compresses XML about 5-20 times; bombs reach thousands. */
export const MAX_COMPRESSION_RATIO = 200;
const MAX_ZIP_ENTRIES = 2000;

export type UploadKind = "xlsx" | "csv";
export type UploadVerdict = { ok: true; kind: UploadKind } | { ok: false; error: string };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WINDOWS_EXE = [0x4d, 0x5a];
const ELF = [0x7f, 0x45, 0x4c, 0x46];

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Checks an upload; `fileName` only decides between CSV and xlsx when the bytes allow both. */
export function checkUpload(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): UploadVerdict {
  if (bytes.length === 0) return { ok: false, error: "The file is empty. Choose the .xlsx workbook or a .csv file." };
  if (bytes.length > maxBytes)
    return {
      ok: false,
      error: `The file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(maxBytes)}. Split it into smaller files.`,
    };
  if (startsWith(bytes, OLE_COMPOUND))
    return {
      ok: false,
      error:
        "This workbook is password-protected (encrypted) or in the old .xls format. Remove the password or save it as .xlsx, then upload it again.",
    };
  if (startsWith(bytes, WINDOWS_EXE) || startsWith(bytes, ELF))
    return { ok: false, error: "This file is a program, not a spreadsheet. Upload the .xlsx workbook." };
  if (startsWith(bytes, ZIP_LOCAL)) {
    const zip = checkZip(bytes);
    return zip.ok ? { ok: true, kind: "xlsx" } : zip;
  }
  if (/\.csv$/i.test(fileName) && looksLikeText(bytes)) return { ok: true, kind: "csv" };
  return {
    ok: false,
    error: "This file is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file (.csv).",
  };
}

/** No NUL bytes and valid UTF-8 in the first 64 kB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65536);
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.length < bytes.length ? trimPartial(head) : head);
    return true;
  } catch {
    return false;
  }
}

/** Drops a multi-byte character cut at the end of a sample. */
function trimPartial(head: Uint8Array): Uint8Array {
  let end = head.length;
  while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  return head.subarray(0, end);
}

const CORRUPT =
  "The workbook is damaged and cannot be read. Open it in Excel, save it again as .xlsx, and upload that.";

/** Offset of a zip's end-of-central-directory record (signature 0x06054b50, in the last 64 kB + 22 bytes), or -1. */
export function endOfCentralDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--)
    if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/**
 * Reads the zip's central directory (never inflating anything): the declared uncompressed
 * sizes must stay under the limits, so a zip bomb is refused before ExcelJS would inflate it.
 */
export function checkZip(bytes: Uint8Array): { ok: true } | { ok: false; error: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return { ok: false, error: CORRUPT };
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ZIP_ENTRIES) return { ok: false, error: "The workbook holds too many parts to be a tracker." };
  if (directoryOffset + directorySize > bytes.length) return { ok: false, error: CORRUPT };
  let offset = directoryOffset;
  let compressed = 0;
  let uncompressed = 0;
  let sawWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return { ok: false, error: CORRUPT };
    const flags = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (flags & 0x1)
      return { ok: false, error: "This workbook is encrypted. Remove the password in Excel, then upload it again." };
    // ZIP64 markers: no tracker needs parts of 4 GB; treat as a bomb.
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      return { ok: false, error: "The workbook expands to more than the app accepts." };
    compressed += compressedSize;
    uncompressed += uncompressedSize;
    if (name === "xl/workbook.xml") sawWorkbook = true;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (uncompressed > MAX_UNCOMPRESSED_BYTES || (compressed > 0 && uncompressed / compressed > MAX_COMPRESSION_RATIO))
    return {
      ok: false,
      error: `The workbook expands to ${formatMegabytes(uncompressed)}, more than the app accepts (it may be a "zip bomb"). Upload the tracker itself.`,
    };
  if (!sawWorkbook)
    return { ok: false, error: "This zip file is not an Excel workbook. Upload the .xlsx workbook itself." };
  return { ok: true };
}
