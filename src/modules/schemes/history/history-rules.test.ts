import { describe, expect, it } from "vitest";
import { describeHistoryEvent, fieldChanges, monthChanges } from "./history-rules";

const names = new Map([
  ["u1", "Jo Lead"],
  ["u2", "Sam Lead"],
]);

describe("describeHistoryEvent", () => {
  it("gives an edit's changed fields by label, before -> after, in the app's formats; bookkeeping fields are not shown", () => {
    const line = describeHistoryEvent(
      {
        action: "scheme.update",
        before: {
          title: "Agency",
          inYearValuePence: "45000000",
          leadId: "u1",
          rag: "AMBER",
          version: 3,
          startMonth: 4,
        },
        after: {
          title: "Agency cap",
          inYearValuePence: "50000000",
          leadId: "u2",
          rag: "GREEN",
          version: 4,
          startMonth: 4,
        },
      },
      names,
    );
    expect(line).toEqual({
      summary: "Edited the scheme",
      changes: [
        { field: "Title", before: "Agency", after: "Agency cap" },
        { field: "Lead", before: "Jo Lead", after: "Sam Lead" },
        { field: "In-year value", before: "£450,000", after: "£500,000" },
        { field: "Delivery RAG", before: "Amber", after: "Green" },
      ],
    });
  });

  it("words gateway decisions with the gate and the stage moved", () => {
    expect(
      describeHistoryEvent({
        action: "gateway.approved",
        before: { stage: "OPPORTUNITY", version: 2 },
        after: { stage: "PLANNING", gate: 1, reason: "Good case", version: 3 },
      }),
    ).toEqual({
      summary: "Approved gateway 1",
      changes: [{ field: "Stage", before: "Opportunity", after: "Planning" }],
      note: "Reason: Good case",
    });
  });

  it("lists each changed month cell of a monthly update, with its commentary", () => {
    const line = describeHistoryEvent({
      action: "scheme.monthly-update.submit",
      before: {
        rag: "AMBER",
        financialYear: 2026,
        months: [{ month: 5, plan: 100000, forecast: 100000, actual: null }],
      },
      after: {
        rag: "AMBER",
        financialYear: 2026,
        months: [{ month: 5, plan: 100000, forecast: 90000, actual: 85050 }],
        update: { month: 5, commentary: "Agency spend fell less than planned." },
      },
    });
    expect(line).toEqual({
      summary: "Submitted the monthly update for M5",
      changes: [
        { field: "M5 Aug 2026/27 forecast", before: "£1,000", after: "£900" },
        { field: "M5 Aug 2026/27 actual", before: "none", after: "£850.50" },
      ],
      note: "Agency spend fell less than planned.",
    });
  });

  it("names attachments and mentions; an unknown action is shown as recorded", () => {
    expect(
      describeHistoryEvent({ action: "scheme.attachment.upload", before: null, after: { fileName: "case.pdf" } }),
    ).toMatchObject({ summary: "Attached case.pdf" });
    expect(
      describeHistoryEvent({
        action: "scheme.comment.add",
        before: null,
        after: { body: "Please check", mentioned: ["Jo Lead"] },
      }),
    ).toEqual({ summary: "Commented, mentioning Jo Lead", changes: [], note: "Please check" });
    expect(describeHistoryEvent({ action: "something.new", before: null, after: null }).summary).toBe("something.new");
  });
});

describe("fieldChanges and monthChanges", () => {
  it("shows a cleared value as none and an unknown id as another", () => {
    expect(fieldChanges({ divisionId: "d9", subCategory: "Agency" }, { divisionId: null, subCategory: null })).toEqual([
      { field: "Sub-category", before: "Agency", after: "none" },
      { field: "Division", before: "another", after: "none" },
    ]);
  });

  it("ignores months whose cells did not change", () => {
    expect(
      monthChanges(
        { months: [{ month: 1, plan: 1, forecast: 1, actual: 1 }] },
        { months: [{ month: 1, plan: 1, forecast: 1, actual: 1 }] },
      ),
    ).toEqual([]);
  });
});
