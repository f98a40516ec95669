import { describe, expect, it } from "vitest";
import { errorSummaryItems, withErrorTitle, withoutErrorTitle } from "./error-summary";

describe("error summary", () => {
  it("lists each field with an error once, linked to the field's id in its form", () => {
    expect(
      errorSummaryItems(
        { title: ["Enter a title"], lead: undefined, value: ["Enter a value", "Too big"] },
        "new-scheme",
      ),
    ).toEqual([
      { field: "title", id: "new-scheme-title", message: "Enter a title" },
      { field: "value", id: "new-scheme-value", message: "Enter a value. Too big" },
    ]);
    expect(errorSummaryItems({ email: ["Enter an email"] }, "")).toEqual([
      { field: "email", id: "email", message: "Enter an email" },
    ]);
    expect(errorSummaryItems(undefined, "x")).toEqual([]);
  });

  it("prefixes the page title once and removes it again", () => {
    expect(withErrorTitle("New scheme · Recovery Tracker")).toBe("Error: New scheme · Recovery Tracker");
    expect(withErrorTitle(withErrorTitle("Risks"))).toBe("Error: Risks");
    expect(withoutErrorTitle("Error: Risks")).toBe("Risks");
    expect(withoutErrorTitle("Risks")).toBe("Risks");
  });
});
