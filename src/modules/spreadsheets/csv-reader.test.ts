import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-reader";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF or LF, and drops a BOM", () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n"two\nlines",,x\ny')).toEqual([
      [
        { kind: "text", text: "a" },
        { kind: "text", text: "b, c" },
        { kind: "text", text: 'say "hi"' },
      ],
      [{ kind: "text", text: "two\nlines" }, { kind: "empty" }, { kind: "text", text: "x" }],
      [{ kind: "text", text: "y" }],
    ]);
  });
});
