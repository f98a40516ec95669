import { describe, expect, it } from "vitest";
import { countOf } from "./plural";

describe("countOf", () => {
  it.each([
    [0, "0 activities"],
    [1, "1 activity"],
    [2, "2 activities"],
    [12000, "12,000 activities"],
  ])("%i", (n, text) => {
    expect(countOf(n, "activity", "activities")).toBe(text);
  });
  it("adds an s by default", () => {
    expect(countOf(1, "risk")).toBe("1 risk");
    expect(countOf(3, "risk")).toBe("3 risks");
  });
});
