import { describe, expect, it } from "vitest";
import { computeNotifications, reportingFinancialMonth } from "./compute-notifications";
import type { ReminderFacts } from "./reminder-facts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const none: ReminderFacts = {
  unsubmittedUpdates: [],
  gatewayDecisions: [],
  qiaSignatures: [],
  qiaReviews: [],
  riskReviews: [],
  riskActions: [],
  openConditions: [],
  monthCloses: [],
};
const scheme = { schemeId: "s1", code: "LTH-CIP-0001", title: "Agency", organisationId: "o1" };

describe("reportingFinancialMonth", () => {
  it.each([
    ["2026-04-01", 2025, 12], // March's update is asked for in April: still 2025/26
    ["2026-05-05", 2026, 1],
    ["2026-01-02", 2025, 9], // December
    ["2026-12-03", 2026, 8], // November
  ])("on %s asks for FY %i month %i", (iso, financialYear, month) => {
    expect(reportingFinancialMonth(day(iso))).toEqual({ financialYear, month });
  });
});

describe("computeNotifications", () => {
  it("reminds a condition with a due date only once the date has passed; one without while it is open", () => {
    const condition = (conditionId: string, dueOn: Date | null) => ({
      ...scheme,
      conditionId,
      createdAt: day("2025-11-03"),
      dueOn,
      leadId: "lead",
    });
    const facts = {
      ...none,
      openConditions: [
        condition("c-due-yesterday", day("2025-12-10")),
        condition("c-due-today", day("2025-12-11")),
        condition("c-no-date", null),
      ],
    };
    const out = computeNotifications(day("2025-12-11"), facts, []);
    expect(out.map((n) => [n.causeKey, n.title, n.detail, n.dueOn, n.waitingSince])).toEqual([
      [
        "condition:c-due-yesterday",
        "Condition past due: LTH-CIP-0001 Agency",
        "Was due 10 Dec 2025",
        day("2025-12-10"),
        null,
      ],
      [
        "condition:c-no-date",
        "Condition to meet: LTH-CIP-0001 Agency",
        "Set 3 Nov 2025, open 28 working days",
        null,
        day("2025-11-03"),
      ],
    ]);
  });

  it("escalates to each person once and never to the lead", () => {
    const facts = { ...none, unsubmittedUpdates: [{ ...scheme, leadId: "lead", escalateTo: ["fd", "fd", "lead"] }] };
    const out = computeNotifications(day("2025-12-11"), facts, []);
    expect(out.map((n) => [n.userId, n.kind])).toEqual([
      ["lead", "UPDATE_OVERDUE"],
      ["fd", "UPDATE_ESCALATED"],
    ]);
  });

  it("gives a disabled lead's overdue update to the escalation list only", () => {
    const facts = { ...none, unsubmittedUpdates: [{ ...scheme, leadId: null, escalateTo: ["fd"] }] };
    expect(computeNotifications(day("2025-12-04"), facts, [])).toEqual([]);
    expect(computeNotifications(day("2025-12-11"), facts, []).map((n) => n.userId)).toEqual(["fd"]);
  });

  it("lists gateway decisions oldest first", () => {
    const facts = {
      ...none,
      gatewayDecisions: [
        { ...scheme, schemeId: "new", gate: 1, submittedAt: day("2025-12-02"), approverIds: ["fin"] },
        { ...scheme, schemeId: "old", gate: 2, submittedAt: day("2025-11-20"), approverIds: ["fin"] },
      ],
    };
    const out = computeNotifications(day("2025-12-04"), facts, []);
    expect(out.map((n) => [n.causeKey, n.detail])).toEqual([
      ["gateway:old:2", "Submitted 20 Nov 2025, waiting 10 working days"],
      ["gateway:new:1", "Submitted 2 Dec 2025, waiting 2 working days"],
    ]);
  });

  it("takes the organisation's stored month-close day, and the default elsewhere", () => {
    const facts = {
      ...none,
      monthCloses: [
        { organisationId: "o1", organisationName: "Trust 1", closed: false, financeIds: ["f1"] },
        { organisationId: "o2", organisationName: "Trust 2", closed: false, financeIds: ["f2"] },
      ],
    };
    const stored = [{ organisationId: "o1", monthCloseWorkingDay: 2 }];
    // Tue 2 Dec 2025 is working day 2: o1 (M=2) is reminded, o2 (default M=8) not yet.
    expect(computeNotifications(day("2025-12-02"), facts, stored).map((n) => n.userId)).toEqual(["f1"]);
  });
});
