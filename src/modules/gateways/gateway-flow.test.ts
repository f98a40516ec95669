import { describe, expect, it } from "vitest";
import {
  approverRefusal,
  gatesPassed,
  mayHold,
  mayWithdraw,
  nextGate,
  returnableStages,
  stageAfterGate,
  type ApproverStanding,
} from "./gateway-flow";

const finance = (capacities: ApproverStanding["financeCapacities"], userId = "approver"): ApproverStanding => ({
  userId,
  roles: ["FINANCE"],
  financeCapacities: capacities,
});
const ctx = { schemeLeadId: "lead", fullYearEffectPence: 4_999_999, directorThresholdPence: 5_000_000 };

describe("stage flow", () => {
  it.each([
    ["OPPORTUNITY", 1],
    ["PLANNING", 2],
    ["DELIVERY", 3],
    ["COMPLETE", null],
    ["ON_HOLD", null],
    ["REJECTED", null],
    ["WITHDRAWN", null],
  ] as const)("a scheme in %s goes next through gate %s", (stage, gate) => {
    expect(nextGate(stage)).toBe(gate);
  });

  it.each([
    ["OPPORTUNITY", null, []],
    ["PLANNING", null, [1]],
    ["DELIVERY", null, [1, 2]],
    ["COMPLETE", null, [1, 2, 3]],
    ["ON_HOLD", "DELIVERY", [1, 2]],
    ["REJECTED", "PLANNING", [1]],
    ["REJECTED", "OPPORTUNITY", []],
    ["WITHDRAWN", null, []],
  ] as const)("a scheme in %s (left %s) has passed gates %j", (stage, left, gates) => {
    expect(gatesPassed(stage, left)).toEqual(gates);
  });

  it("each gate leads to the next stage", () => {
    expect([1, 2, 3].map((g) => stageAfterGate(g as 1 | 2 | 3))).toEqual(["PLANNING", "DELIVERY", "COMPLETE"]);
  });

  it.each([
    ["OPPORTUNITY", []],
    ["PLANNING", ["OPPORTUNITY"]],
    ["DELIVERY", ["PLANNING", "OPPORTUNITY"]],
    ["COMPLETE", ["DELIVERY", "PLANNING", "OPPORTUNITY"]],
    ["ON_HOLD", []],
    ["WITHDRAWN", []],
  ] as const)("finance may return a scheme in %s to %j", (stage, stages) => {
    expect(returnableStages(stage)).toEqual(stages);
  });

  it.each([
    ["OPPORTUNITY", ["OPPORTUNITY"]],
    ["PLANNING", ["PLANNING", "OPPORTUNITY"]],
    ["DELIVERY", ["DELIVERY", "PLANNING", "OPPORTUNITY"]],
    [null, []],
  ] as const)(
    "a scheme rejected from %s may be returned to %j, never past the gate that rejected it",
    (from, stages) => {
      expect(returnableStages("REJECTED", from)).toEqual(stages);
    },
  );

  it("only live stages can be put on hold; anything but complete or withdrawn can be withdrawn", () => {
    expect(
      ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE", "ON_HOLD", "REJECTED", "WITHDRAWN"].filter((s) =>
        mayHold(s as never),
      ),
    ).toEqual(["OPPORTUNITY", "PLANNING", "DELIVERY"]);
    expect(
      ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE", "ON_HOLD", "REJECTED", "WITHDRAWN"].filter((s) =>
        mayWithdraw(s as never),
      ),
    ).toEqual(["OPPORTUNITY", "PLANNING", "DELIVERY", "ON_HOLD", "REJECTED"]);
  });
});

describe("who may decide a gateway", () => {
  it("never the scheme's lead, even a finance director", () => {
    expect(approverRefusal(finance(["DIRECTOR"], "lead"), { ...ctx, gate: 1 })).toMatch(/You lead this scheme/);
  });

  it("only finance (director or PMO)", () => {
    for (const role of ["LEAD", "CLINICAL_APPROVER", "BOARD", "ADMIN"] as const) {
      expect(approverRefusal({ userId: "x", roles: [role], financeCapacities: [] }, { ...ctx, gate: 1 })).toMatch(
        /Only the finance director or the PMO/,
      );
    }
  });

  it.each([
    // gate, full-year effect, capacity, allowed
    [1, 10_000_000, "PMO", true],
    [2, 4_999_999, "PMO", true],
    [2, 5_000_000, "PMO", false],
    [2, 5_000_000, "DIRECTOR", true],
    [3, 5_000_000, "PMO", false],
    [3, 50_000_000, "DIRECTOR", true],
  ] as const)("gate %s, full-year effect %s pence, %s: allowed %s", (gate, fye, capacity, allowed) => {
    const refusal = approverRefusal(finance([capacity]), { ...ctx, gate, fullYearEffectPence: fye });
    expect(refusal === null).toBe(allowed);
    if (!allowed)
      expect(refusal).toBe(
        `Schemes with a full-year effect of £50,000 or more need the finance director at gateway ${gate}.`,
      );
  });
});
