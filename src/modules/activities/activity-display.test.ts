import { describe, expect, it } from "vitest";
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
