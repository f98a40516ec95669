import { describe, expect, it } from "vitest";
import { inlineMentions, parseMentionList } from "./comment-rules";

describe("parseMentionList", () => {
  it("splits on commas, semicolons and spaces, lower-cases and removes repeats", () => {
    expect(parseMentionList(" Jo@Trust.nhs.uk, sam@trust.nhs.uk;jo@trust.nhs.uk  <kim@icb.nhs.uk>")).toEqual({
      ok: true,
      emails: ["jo@trust.nhs.uk", "sam@trust.nhs.uk", "kim@icb.nhs.uk"],
    });
    expect(parseMentionList("")).toEqual({ ok: true, emails: [] });
  });

  it("names the first part that is not an email address", () => {
    expect(parseMentionList("jo@trust.nhs.uk, Sam Smith")).toEqual({ ok: false, bad: "Sam" });
  });
});

describe("inlineMentions", () => {
  it("finds @address in the text, not plain addresses or a trailing full stop", () => {
    expect(
      inlineMentions("Can @jo@trust.nhs.uk check the plan? Copy to (@Sam@Trust.nhs.uk). Not me@trust.nhs.uk."),
    ).toEqual(["jo@trust.nhs.uk", "sam@trust.nhs.uk"]);
    expect(inlineMentions("Ask @kim@icb.nhs.uk.")).toEqual(["kim@icb.nhs.uk"]);
    expect(inlineMentions("No mentions here @ all")).toEqual([]);
  });
});
