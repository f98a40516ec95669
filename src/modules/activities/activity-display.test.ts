import { describe, expect, it } from "vitest";
import { statusShown } from "./activity-status";
import { activityLeadsText, activityNumberText } from "./activity-display";

const leads = (...titles: string[]) => titles.map((title) => ({ lead: { title } }));

describe("an activity as written", () => {
  it("shows the printed number over its key", () => {
    expect(activityNumberText({ number: "3a", numberAsWritten: "3", leads: [] })).toBe("3");
    expect(activityNumberText({ number: "4", numberAsWritten: null, leads: [] })).toBe("4");
    expect(activityNumberText({ number: null, leads: [] })).toBeNull();
  });
  it("shows the lead cell as printed, else the linked leads", () => {
    expect(
      activityLeadsText({
        number: "3",
        leadsAsWritten: "Director of Service Development/ COO",
        leads: leads("COO", "Director of Service Development"),
      }),
    ).toBe("Director of Service Development/ COO");
    expect(activityLeadsText({ number: "1", leads: leads("DoF", "COO") })).toBe("DoF, COO");
  });
});

describe("statusShown (issue 13 item 9)", () => {
  it("never shows On track beside Overdue; other statuses stay beside it", () => {
    expect(statusShown("ON_TRACK", true)).toBeNull();
    expect(statusShown("ON_TRACK", false)).toBe("ON_TRACK");
    for (const status of ["LATE", "AT_RISK", "NOT_STARTED", "DONE"] as const)
      expect(statusShown(status, true)).toBe(status);
  });
});
