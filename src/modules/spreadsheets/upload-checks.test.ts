import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { checkUpload, checkZip } from "./upload-checks";

/** A minimal zip (stored or deflated entries) written by hand, so sizes can be declared at will. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number; encrypted?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.encrypted ? 1 : 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.encrypted ? 1 : 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const workbookXml = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };

describe("checkUpload", () => {
  it("accepts a real .xlsx written by ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Schemes").addRow(["Reference code"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(checkUpload(bytes, "tracker.xlsx")).toEqual({ ok: true, kind: "xlsx" });
  });

  it.each([
    ["an empty file", Buffer.alloc(0), "a.xlsx", /empty/],
    ["a renamed .exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "tracker.xlsx", /program/],
    ["an ELF binary", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2]), "tracker.xlsx", /program/],
    [
      "an encrypted workbook (OLE compound file)",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "tracker.xlsx",
      /password-protected/,
    ],
    ["a PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), "tracker.xlsx", /not a spreadsheet/],
    ["text named .xlsx", Buffer.from("a,b\n1,2\n"), "tracker.xlsx", /not a spreadsheet/],
    ["binary named .csv", Buffer.from([0x00, 0x01, 0x02]), "actuals.csv", /not a spreadsheet/],
    ["a truncated zip", zip([workbookXml]).subarray(0, 40), "tracker.xlsx", /damaged/],
    ["a zip without a workbook", zip([{ name: "readme.txt", data: Buffer.from("hi") }]), "t.xlsx", /not an Excel/],
  ])("refuses %s", (_what, bytes, name, message) => {
    const verdict = checkUpload(bytes, name);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toMatch(message);
  });

  it("states the size limit", () => {
    const verdict = checkUpload(Buffer.alloc(11 * 1024 * 1024, 0x41), "big.csv");
    expect(verdict).toEqual({
      ok: false,
      error: "The file is 11 MB; the limit is 10 MB. Split it into smaller files.",
    });
    expect(checkUpload(Buffer.alloc(3 * 1024 * 1024, 0x41), "a.csv", 2 * 1024 * 1024).ok).toBe(false);
  });

  it("accepts UTF-8 CSV, with a BOM and right-to-left text", () => {
    expect(checkUpload(Buffer.from("\uFEFFReference code,Month\nLTH-1,M1 مرحبا\n"), "actuals.csv")).toEqual({
      ok: true,
      kind: "csv",
    });
  });
});

describe("checkZip (zip bombs)", () => {
  it("refuses a part that inflates a thousandfold", () => {
    const bomb = zip([workbookXml, { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(50 * 1024 * 1024, 0x20) }]);
    const verdict = checkZip(bomb);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toMatch(/zip bomb/);
  }, 30_000); // compressing 50 MB takes seconds on a loaded machine

  it("refuses declared sizes beyond the limit even when the data is small", () => {
    const lying = zip([
      workbookXml,
      { name: "xl/sharedStrings.xml", data: Buffer.from("x"), declaredSize: 0xfffffff0 },
    ]);
    expect(checkZip(lying).ok).toBe(false);
  });

  it("refuses an encrypted entry", () => {
    const verdict = checkZip(zip([{ ...workbookXml, encrypted: true }]));
    expect(!verdict.ok && verdict.error).toMatch(/encrypted/);
  });
});
