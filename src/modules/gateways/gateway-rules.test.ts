import { describe, expect, it } from "vitest";
import { evaluateAllGates, evaluateGate, type Gate, type GatewaySnapshot } from "./gateway-rules";

const POUND = 100;
/** £450k planned as 12 months of £37,500. */
const plan = () => Array.from({ length: 12 }, () => 37_500 * POUND);

/** A scheme that meets every criterion of every gate. */
function ready(): GatewaySnapshot {
  return {
    title: "Agency nursing rate card",
    description: "Move agency bookings to the NEL rate card.",
    hasLead: true,
    hasOrganisation: true,
    hasWorkstream: true,
    hasCategory: true,
    recurrenceStated: true,
    fullYearEffectPence: 600_000 * POUND,
    inYearValuePence: 450_000 * POUND,
    financialYear: 2025,
    startMonth: 1,
    plan: plan(),
    actual: [...plan().slice(0, 6), null, null, null, null, null, null],
    elapsedMonths: 6,
    activityCount: 2,
    kpiCount: 1,
    riskCount: 1,
    wteStated: true,
    qia: {
      screeningAnswered: true,
      fullRequired: true,
      medicalSignedOff: true,
      nursingSignedOff: true,
      highestResidualScore: 8,
      qualityCommitteeOverride: false,
      postImplementationReviewRecorded: true,
    },
    eia: { screeningAnswered: true, fullRequired: true, fullApproved: true },
    financeValidatedBenefit: true,
  };
}

describe("a scheme that meets every criterion", () => {
  it("passes all three gates", () => {
    expect(evaluateAllGates(ready()).map((v) => [v.gate, v.passes, v.failures])).toEqual([
      [1, true, []],
      [2, true, []],
      [3, true, []],
    ]);
  });
});

type Case = [string, Gate, (s: GatewaySnapshot) => void, string, string];

/** Every criterion: one change to a ready scheme fails exactly that criterion, with its sentence. */
const CASES: Case[] = [
  ["no title", 1, (s) => (s.title = "  "), "title", "The scheme has no title."],
  ["no description", 1, (s) => (s.description = ""), "description", "The scheme has no description."],
  ["no lead", 1, (s) => (s.hasLead = false), "lead", "No lead is named."],
  ["no organisation", 1, (s) => (s.hasOrganisation = false), "organisation", "No organisation is set."],
  ["no workstream", 1, (s) => (s.hasWorkstream = false), "workstream", "The scheme is not linked to a workstream."],
  ["no category", 1, (s) => (s.hasCategory = false), "category", "No category (pay, non-pay or income) is set."],
  [
    "recurrence unknown",
    1,
    (s) => (s.recurrenceStated = false),
    "recurrence",
    "It is not stated whether the saving is recurrent.",
  ],
  [
    "a zero full-year effect",
    1,
    (s) => (s.fullYearEffectPence = 0),
    "full-year-effect",
    "The estimated full-year effect must be more than £0.",
  ],
  [
    "QIA screening unanswered",
    1,
    (s) => (s.qia!.screeningAnswered = false),
    "qia-screening",
    "The quality impact screening has not been answered.",
  ],
  ["no QIA at all", 1, (s) => (s.qia = null), "qia-screening", "The quality impact screening has not been answered."],
  [
    "EIA screening unanswered",
    1,
    (s) => (s.eia!.screeningAnswered = false),
    "eia-screening",
    "The equality impact screening has not been answered.",
  ],
  [
    "no plan at all",
    2,
    (s) => (s.plan = Array.from({ length: 12 }, () => null)),
    "plan-entered",
    "No monthly plan has been entered for 2025/26.",
  ],
  [
    "a plan that does not add up",
    2,
    (s) => (s.plan[11] = 37_500 * POUND - 40_000 * POUND),
    "plan-adds-up",
    "Monthly plan for 2025/26 adds up to £410k but the in-year value is £450k.",
  ],
  ["no start month", 2, (s) => (s.startMonth = null), "start-month", "The start month is not set."],
  ["no activity", 2, (s) => (s.activityCount = 0), "activities", "The scheme has no activity or milestone."],
  ["no KPI", 2, (s) => (s.kpiCount = 0), "kpis", "The scheme has no KPI."],
  [
    "no risk assessed",
    2,
    (s) => (s.riskCount = 0),
    "risks",
    "The scheme's risks have not been assessed: its risk register is empty.",
  ],
  [
    "WTE not stated",
    2,
    (s) => (s.wteStated = false),
    "wte",
    "The WTE impact (substantive, bank, agency) is not stated.",
  ],
  [
    "no medical sign-off",
    2,
    (s) => (s.qia!.medicalSignedOff = false),
    "qia-medical",
    "The full QIA has not been signed off by the medical signatory.",
  ],
  [
    "no nursing sign-off",
    2,
    (s) => (s.qia!.nursingSignedOff = false),
    "qia-nursing",
    "The full QIA has not been signed off by the nursing signatory.",
  ],
  [
    "a residual score of 15",
    2,
    (s) => (s.qia!.highestResidualScore = 15),
    "qia-residual",
    "A quality dimension keeps a residual score of 15 (15 or more needs a recorded quality-committee override).",
  ],
  [
    "a required full EIA not approved",
    2,
    (s) => (s.eia!.fullApproved = false),
    "eia-full",
    "The full equality impact assessment has not been approved.",
  ],
  [
    "an elapsed month without an actual",
    3,
    (s) => (s.actual[3] = null),
    "actuals",
    "Actuals are missing for M4 Jul of 2025/26.",
  ],
  [
    "no post-implementation review",
    3,
    (s) => (s.qia!.postImplementationReviewRecorded = false),
    "qia-review",
    "No post-implementation quality review has been recorded.",
  ],
  [
    "benefit not validated",
    3,
    (s) => (s.financeValidatedBenefit = false),
    "benefit-validated",
    "Finance has not validated the benefit.",
  ],
];

describe.each(CASES)("with %s", (_label, gate, change, key, message) => {
  it(`fails gate ${gate} on "${key}" only, with its sentence`, () => {
    const snapshot = ready();
    change(snapshot);
    const verdict = evaluateGate(gate, snapshot);
    expect(verdict.passes).toBe(false);
    expect(verdict.failures).toEqual([{ key, message }]);
  });
});

describe("rules that only apply when needed", () => {
  it("needs no sign-offs, residual check or full EIA when screening found no impact", () => {
    const s = ready();
    s.qia = {
      ...s.qia!,
      fullRequired: false,
      medicalSignedOff: false,
      nursingSignedOff: false,
      highestResidualScore: 20,
    };
    s.eia = { screeningAnswered: true, fullRequired: false, fullApproved: false };
    expect(evaluateGate(2, s)).toEqual({ gate: 2, passes: true, failures: [] });
  });

  it("accepts a residual score of 15 or more with a quality-committee override, and 14 without", () => {
    const s = ready();
    s.qia = { ...s.qia!, highestResidualScore: 20, qualityCommitteeOverride: true };
    expect(evaluateGate(2, s).passes).toBe(true);
    s.qia = { ...s.qia!, highestResidualScore: 14, qualityCommitteeOverride: false };
    expect(evaluateGate(2, s).passes).toBe(true);
  });

  it("names every missing plan month, and still checks the total", () => {
    const s = ready();
    s.plan[0] = null;
    s.plan[1] = null;
    expect(evaluateGate(2, s).failures).toEqual([
      { key: "plan-entered", message: "The monthly plan for 2025/26 is missing M1 Apr, M2 May." },
      { key: "plan-adds-up", message: "Monthly plan for 2025/26 adds up to £375k but the in-year value is £450k." },
    ]);
  });

  it("asks for actuals only for months that have ended", () => {
    const s = ready();
    s.elapsedMonths = 0;
    s.actual = Array.from({ length: 12 }, () => null);
    expect(evaluateGate(3, s).passes).toBe(true);
  });

  it("lists every failed criterion of a gate at once", () => {
    const s = ready();
    s.title = "";
    s.hasLead = false;
    s.fullYearEffectPence = 0;
    expect(evaluateGate(1, s).failures.map((f) => f.key)).toEqual(["title", "lead", "full-year-effect"]);
  });
});
