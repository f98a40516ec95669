import { describe, expect, it } from "vitest";
import { monthlyUpdateState } from "./scheme-summary-rules";

const now = new Date("2026-12-04T10:00:00Z"); // November (M8 of 2026/27) has ended
const update = (financialYear: number, month: number, day: number, name = "Jo Lead") => ({
  financialYear,
  month,
  submittedAt: new Date(`2026-12-0${day}T09:00:00Z`),
  submittedBy: { name },
});

describe("monthlyUpdateState", () => {
  it("is due for the month that last ended until an update for it is in", () => {
    expect(monthlyUpdateState({ stage: "DELIVERY", financialYear: 2026, updates: [update(2026, 7, 1)] }, now)).toEqual({
      kind: "due",
      financialYear: 2026,
      month: 8,
    });
    expect(
      monthlyUpdateState(
        { stage: "PLANNING", financialYear: 2026, updates: [update(2026, 8, 1, "Jo Lead"), update(2026, 8, 3, "Sam")] },
        now,
      ),
    ).toEqual({
      kind: "done",
      financialYear: 2026,
      month: 8,
      submittedAt: new Date("2026-12-03T09:00:00Z"),
      by: "Sam",
    });
  });

  it("is not due on a complete, held, rejected or withdrawn scheme, nor before its year begins", () => {
    for (const stage of ["COMPLETE", "ON_HOLD", "REJECTED", "WITHDRAWN"] as const)
      expect(monthlyUpdateState({ stage, financialYear: 2026, updates: [] }, now)).toEqual({
        kind: "not-due",
        reason: "stage",
      });
    expect(monthlyUpdateState({ stage: "OPPORTUNITY", financialYear: 2027, updates: [] }, now)).toEqual({
      kind: "not-due",
      reason: "year-not-started",
    });
  });
});
