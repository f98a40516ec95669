import { endOfCentralDirectory } from "@/modules/spreadsheets/upload-checks";

/**
 * What may be attached to a scheme, decided from the bytes: the extension must be on the
 * allow-list and the content must match it (magic numbers; a .docx/.xlsx must be a zip holding
 * the Word or Excel part). Pure: bytes and a name in, a verdict out.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_KINDS = {
  pdf: { label: "PDF", contentType: "application/pdf", extensions: [".pdf"] },
  docx: {
    label: "Word (.docx)",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
  },
  xlsx: {
    label: "Excel (.xlsx)",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: [".xlsx"],
  },
  png: { label: "PNG", contentType: "image/png", extensions: [".png"] },
  jpeg: { label: "JPEG", contentType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  csv: { label: "CSV", contentType: "text/csv; charset=utf-8", extensions: [".csv"] },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** For the file input's accept attribute (a hint only; the server decides). */
export const ACCEPT_ATTRIBUTE = Object.values(ATTACHMENT_KINDS)
  .flatMap((k) => k.extensions)
  .join(",");

const ALLOWED_WORDS = "a PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or CSV file";

export type AttachmentVerdict =
  { ok: true; kind: AttachmentKind; contentType: string; fileName: string } | { ok: false; error: string };

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * The name as stored and offered on download: no folders (some browsers send "C:\\...\\x.pdf"),
 * no control characters, at most 255 characters with the extension kept.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f"]/g, "").trim();
  if (clean.length <= 255) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, 255 - ext.length) + ext;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The names in a zip's central directory (nothing is inflated); null when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, ZIP)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function contentMatches(kind: AttachmentKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case "pdf":
      return startsWith(bytes, PDF);
    case "png":
      return startsWith(bytes, PNG);
    case "jpeg":
      return startsWith(bytes, JPEG);
    case "docx":
      return zipEntryNames(bytes)?.includes("word/document.xml") ?? false;
    case "xlsx":
      return zipEntryNames(bytes)?.includes("xl/workbook.xml") ?? false;
    case "csv":
      return isUtf8Text(bytes);
  }
}

export function identifyAttachment(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = MAX_ATTACHMENT_BYTES,
): AttachmentVerdict {
  const name = cleanFileName(fileName);
  if (!name) return { ok: false, error: "The file has no name. Rename it, then attach it again." };
  if (bytes.length === 0) return { ok: false, error: `The file is empty. Attach ${ALLOWED_WORDS}.` };
  if (bytes.length > maxBytes)
    return {
      ok: false,
      error: `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(maxBytes)}. Attach a smaller file.`,
    };
  const extension = extensionOf(name);
  const kind = (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find((k) =>
    (ATTACHMENT_KINDS[k].extensions as readonly string[]).includes(extension),
  );
  if (!kind)
    return {
      ok: false,
      error: `${extension ? `Files of type ${extension}` : "Files without an extension"} cannot be attached. Attach ${ALLOWED_WORDS}.`,
    };
  if (!contentMatches(kind, bytes))
    return {
      ok: false,
      error: `The file's contents are not ${ATTACHMENT_KINDS[kind].label}, though its name ends ${extension}. Save it again as ${ATTACHMENT_KINDS[kind].label} and attach that.`,
    };
  return { ok: true, kind, contentType: ATTACHMENT_KINDS[kind].contentType, fileName: name };
}

/**
 * Content-Disposition for a download: always "attachment" (never shown inline, so a crafted
 * file cannot run in the app's origin), an ASCII fallback name and the exact UTF-8 name (RFC 6266).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return megabytes(bytes);
}
