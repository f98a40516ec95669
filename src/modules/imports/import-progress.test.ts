import { describe, expect, it } from "vitest";
import { progressSentence, progressStep } from "./import-progress";

describe("import progress", () => {
  it("says each phase with its count", () => {
    expect(progressSentence({ phase: "reading", done: 15_000, total: 0 })).toBe(
      "Reading the file: 15,000 rows so far…",
    );
    expect(progressSentence({ phase: "parsed", done: 65_000, total: 65_000 })).toBe(
      "Read 65,000 rows; checking each one…",
    );
    expect(progressSentence({ phase: "validated", done: 1, total: 1 })).toBe("Checked 1 row.");
    expect(progressSentence({ phase: "schemes written", done: 5_000, total: 5_000 })).toBe("Written 5,000 schemes.");
    expect(progressSentence({ phase: "months written", done: 60_000, total: 60_000 })).toBe(
      "Written 60,000 month rows.",
    );
    expect(progressSentence({ phase: "risks written", done: 1, total: 1 })).toBe(
      "Written 1 risk; recording the audit trail…",
    );
    expect(progressSentence({ phase: "done", done: 1, total: 1 })).toBe("Written and recorded in the audit trail.");
  });

  it("counts the steps of a preview and of an import; reading is before the first", () => {
    expect(progressStep("preview", "reading")).toEqual({ value: 0, max: 2 });
    expect(progressStep("preview", "validated")).toEqual({ value: 2, max: 2 });
    expect(progressStep("import", "validated")).toEqual({ value: 2, max: 6 });
    expect(progressStep("import", "done")).toEqual({ value: 6, max: 6 });
  });
});
