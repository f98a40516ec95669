import { deflateRawSync } from "node:zlib";

/**
 * Small real files of each attachable type, made here so tests need no binary fixtures: a one-page
 * PDF, a 1x1 PNG, a JPEG header, a Word document's zip, a CSV.
 */

/** A zip of deflated entries, written by hand (Office documents are zips). */
export function zipOf(entries: { name: string; text: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.text);
    const body = deflateRawSync(data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
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

export function pdfFile(text = "Business case"): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** A 1x1 transparent PNG. */
export function pngFile(): Buffer {
  return Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  );
}

export function jpegFile(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0"), Buffer.alloc(64)]);
}

export function docxFile(): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", text: "<Types/>" },
    { name: "word/document.xml", text: "<w:document><w:body><w:p>QIA</w:p></w:body></w:document>" },
  ]);
}

export function xlsxLikeFile(): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", text: "<Types/>" },
    { name: "xl/workbook.xml", text: "<workbook/>" },
  ]);
}

export function csvFile(): Buffer {
  return Buffer.from("Month,Plan\nApr,1000\nMay,1200\n");
}

/** A Windows program, whatever it is named. */
export function exeFile(): Buffer {
  return Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
}
