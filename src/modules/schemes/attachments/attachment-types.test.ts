import { describe, expect, it } from "vitest";
import {
  csvFile,
  docxFile,
  exeFile,
  jpegFile,
  pdfFile,
  pngFile,
  xlsxLikeFile,
  zipOf,
} from "../../../../tests/factories/attachment-files";
import {
  MAX_ATTACHMENT_BYTES,
  cleanFileName,
  contentDisposition,
  identifyAttachment,
  zipEntryNames,
} from "./attachment-types";

describe("identifyAttachment", () => {
  it.each([
    ["business-case.pdf", pdfFile(), "application/pdf"],
    ["QIA v2.docx", docxFile(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["plan.XLSX", xlsxLikeFile(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["chart.png", pngFile(), "image/png"],
    ["photo.jpeg", jpegFile(), "image/jpeg"],
    ["photo.jpg", jpegFile(), "image/jpeg"],
    ["months.csv", csvFile(), "text/csv; charset=utf-8"],
  ])("accepts %s as %s", (name, bytes, contentType) => {
    expect(identifyAttachment(bytes, name)).toMatchObject({ ok: true, contentType, fileName: name });
  });

  it("refuses a type off the allow-list, naming the allowed ones", () => {
    expect(identifyAttachment(exeFile(), "setup.exe")).toEqual({
      ok: false,
      error: "Files of type .exe cannot be attached. Attach a PDF, Word (.docx), Excel (.xlsx), PNG, JPEG or CSV file.",
    });
    expect(identifyAttachment(pdfFile(), "no-extension")).toMatchObject({ ok: false });
  });

  it("checks the bytes, not the name: a program renamed .pdf, a PNG renamed .jpg, any zip renamed .docx", () => {
    expect(identifyAttachment(exeFile(), "business-case.pdf")).toMatchObject({
      ok: false,
      error: expect.stringContaining("contents are not PDF"),
    });
    expect(identifyAttachment(pngFile(), "photo.jpg")).toMatchObject({ ok: false });
    expect(identifyAttachment(xlsxLikeFile(), "qia.docx")).toMatchObject({ ok: false });
    expect(identifyAttachment(zipOf([{ name: "a.txt", text: "x" }]), "plan.xlsx")).toMatchObject({ ok: false });
    expect(identifyAttachment(Buffer.from([0x41, 0, 0x42]), "data.csv")).toMatchObject({ ok: false });
  });

  it("refuses an empty file and one over the limit, giving both sizes", () => {
    expect(identifyAttachment(new Uint8Array(0), "a.pdf")).toMatchObject({ ok: false });
    const big = Buffer.concat([pdfFile(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(identifyAttachment(big, "big.pdf")).toEqual({
      ok: false,
      error: "The file is 10.0 MB; the limit is 10 MB. Attach a smaller file.",
    });
    expect(identifyAttachment(Buffer.concat([pdfFile(), Buffer.alloc(MAX_ATTACHMENT_BYTES - 500)]), "ok.pdf").ok).toBe(
      true,
    );
  });
});

describe("file names", () => {
  it("drops folders and control characters and keeps the extension when shortening", () => {
    expect(cleanFileName("C:\\Users\\me\\Business case.pdf")).toBe("Business case.pdf");
    expect(cleanFileName("../../etc/passwd.csv")).toBe("passwd.csv");
    expect(cleanFileName('a\u0000b"c.pdf')).toBe("abc.pdf");
    const long = cleanFileName(`${"x".repeat(300)}.docx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith(".docx")).toBe(true);
  });

  it("offers the download as an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("QIA – ward 5 (v2).pdf")).toBe(
      "attachment; filename=\"QIA _ ward 5 (v2).pdf\"; filename*=UTF-8''QIA%20%E2%80%93%20ward%205%20%28v2%29.pdf",
    );
  });

  it("lists a zip's parts without inflating them", () => {
    expect(zipEntryNames(docxFile())).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(zipEntryNames(pdfFile())).toBeNull();
  });
});
