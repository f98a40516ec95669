import { describe, expect, it } from "vitest";
import {
  capacitiesOpenTo,
  combinedOutcome,
  fullQiaGaps,
  highestResidualScore,
  isAboveThreshold,
  isFullQiaRequired,
  isReviewOverdue,
  isScreeningComplete,
  mayBeReviewed,
  qiaEditMode,
  screeningScore,
  signOffRefusal,
  type FullQiaContent,
  type Signatory,
} from "./qia-rules";

describe("screening", () => {
  it("scores likelihood x consequence", () => {
    expect(screeningScore(3, 3)).toBe(9);
    expect(screeningScore(1, 5)).toBe(5);
  });

  it.each([
    ["NEGATIVE", 3, 3, 8, true],
    ["NEGATIVE", 2, 4, 8, false], // 8 is not above 8
    ["NEGATIVE", 5, 5, 24, true],
    ["NEGATIVE", 3, 4, 12, false],
    ["POSITIVE", 5, 5, 8, false], // a benefit never needs the full QIA
    ["NONE", 5, 5, 8, false],
  ] as const)("%s %i x %i against threshold %i: above = %s", (impact, likelihood, consequence, threshold, expected) => {
    expect(isAboveThreshold({ impact, likelihood, consequence }, threshold)).toBe(expected);
  });

  it("requires the full QIA when any dimension is above the threshold", () => {
    expect(
      isFullQiaRequired(
        [
          { impact: "NONE", likelihood: 1, consequence: 1 },
          { impact: "NEGATIVE", likelihood: 3, consequence: 3 },
        ],
        8,
      ),
    ).toBe(true);
    expect(isFullQiaRequired([{ impact: "POSITIVE", likelihood: 5, consequence: 5 }], 8)).toBe(false);
    expect(isFullQiaRequired([], 8)).toBe(false);
  });

  it("is complete when every active dimension is answered", () => {
    expect(isScreeningComplete(["a", "b"], ["b", "a", "retired"])).toBe(true);
    expect(isScreeningComplete(["a", "b"], ["a"])).toBe(false);
  });
});

describe("full QIA completeness", () => {
  const complete: FullQiaContent = {
    threshold: 8,
    impactSummary: "Fewer agency nurses on wards",
    reviewDate: new Date("2026-06-30"),
    indicatorCount: 1,
    dimensions: [
      {
        name: "Safe",
        impact: "NEGATIVE",
        likelihood: 3,
        consequence: 4,
        description: "d",
        mitigations: "m",
        residualLikelihood: 2,
        residualConsequence: 3,
      },
      {
        name: "Effective",
        impact: "NEGATIVE",
        likelihood: 2,
        consequence: 2,
        description: null,
        mitigations: null,
        residualLikelihood: null,
        residualConsequence: null,
      },
    ],
  };

  it("has no gaps when every dimension above the threshold is described, mitigated and re-scored", () => {
    expect(fullQiaGaps(complete)).toEqual([]);
  });

  it("names each gap", () => {
    const gaps = fullQiaGaps({
      ...complete,
      impactSummary: " ",
      reviewDate: null,
      indicatorCount: 0,
      dimensions: [{ ...complete.dimensions[0]!, description: "", mitigations: null, residualConsequence: null }],
    });
    expect(gaps).toEqual([
      "Safe: describe the impact.",
      "Safe: record the mitigations.",
      "Safe: score the residual likelihood and consequence.",
      "Write the impact summary.",
      "Name at least one quality indicator to monitor.",
      "Set the post-implementation review date.",
    ]);
  });

  it("takes the highest residual score", () => {
    expect(highestResidualScore(complete.dimensions)).toBe(6);
    expect(
      highestResidualScore([
        { residualLikelihood: 5, residualConsequence: 3 },
        { residualLikelihood: 1, residualConsequence: 1 },
      ]),
    ).toBe(15);
    expect(highestResidualScore([{ residualLikelihood: null, residualConsequence: null }])).toBeNull();
  });
});

describe("combined outcome of the two sign-offs", () => {
  it.each([
    [[], null],
    [[{ capacity: "MEDICAL", outcome: "APPROVED" }], null],
    [[{ capacity: "NURSING", outcome: "REJECTED" }], "REJECTED"],
    [
      [
        { capacity: "MEDICAL", outcome: "APPROVED" },
        { capacity: "NURSING", outcome: "APPROVED" },
      ],
      "APPROVED",
    ],
    [
      [
        { capacity: "MEDICAL", outcome: "APPROVED_WITH_CONDITIONS" },
        { capacity: "NURSING", outcome: "APPROVED" },
      ],
      "APPROVED_WITH_CONDITIONS",
    ],
    [
      [
        { capacity: "MEDICAL", outcome: "APPROVED" },
        { capacity: "NURSING", outcome: "REJECTED" },
      ],
      "REJECTED",
    ],
  ] as const)("%j -> %s", (signOffs, expected) => {
    expect(combinedOutcome(signOffs)).toBe(expected);
  });
});

describe("who may sign in which capacity", () => {
  const medical: Signatory = { userId: "m", isClinicalApprover: true, capacities: ["MEDICAL"] };
  const both: Signatory = { userId: "b", isClinicalApprover: true, capacities: ["MEDICAL", "NURSING"] };
  const scheme = { leadId: "lead" };

  it("lets a medical signatory sign as medical only", () => {
    expect(signOffRefusal(medical, "MEDICAL", scheme, [])).toBeNull();
    expect(signOffRefusal(medical, "NURSING", scheme, [])).toMatch(/not a nursing signatory/);
    expect(capacitiesOpenTo(medical, scheme, [])).toEqual(["MEDICAL"]);
  });

  it("refuses anyone who is not a clinical approver, and the scheme's lead", () => {
    expect(signOffRefusal({ userId: "f", isClinicalApprover: false, capacities: [] }, "MEDICAL", scheme, [])).toMatch(
      /Only a clinical approver/,
    );
    expect(signOffRefusal({ ...medical, userId: "lead" }, "MEDICAL", scheme, [])).toMatch(/You lead this scheme/);
  });

  it("refuses signing twice, in both capacities, or a capacity already signed", () => {
    expect(signOffRefusal(both, "NURSING", scheme, [{ userId: "b", capacity: "MEDICAL" }])).toMatch(
      /already signed this version of the QIA as the medical signatory/,
    );
    expect(signOffRefusal(both, "MEDICAL", scheme, [{ userId: "b", capacity: "MEDICAL" }])).toMatch(/already signed/);
    expect(signOffRefusal(medical, "MEDICAL", scheme, [{ userId: "other", capacity: "MEDICAL" }])).toMatch(
      /medical sign-off of this version has already been given/,
    );
    expect(capacitiesOpenTo(both, scheme, [{ userId: "other", capacity: "MEDICAL" }])).toEqual(["NURSING"]);
  });
});

describe("editing, reviews", () => {
  it.each([
    ["DRAFT", 0, "edit"],
    ["AWAITING_SIGN_OFF", 0, "back-to-draft"],
    ["AWAITING_SIGN_OFF", 1, "new-version"],
    ["APPROVED", 2, "new-version"],
    ["REJECTED", 1, "new-version"],
    ["SUPERSEDED", 2, "closed"],
  ] as const)("%s with %i sign-offs: %s", (status, count, mode) => {
    expect(qiaEditMode(status, count)).toBe(mode);
  });

  it("reviews only a settled QIA", () => {
    expect(mayBeReviewed({ status: "APPROVED_WITH_CONDITIONS", screeningComplete: true, fullRequired: true })).toBe(
      true,
    );
    expect(mayBeReviewed({ status: "AWAITING_SIGN_OFF", screeningComplete: true, fullRequired: true })).toBe(false);
    expect(mayBeReviewed({ status: "DRAFT", screeningComplete: true, fullRequired: false })).toBe(true);
    expect(mayBeReviewed({ status: "DRAFT", screeningComplete: false, fullRequired: false })).toBe(false);
    expect(mayBeReviewed({ status: "SUPERSEDED", screeningComplete: true, fullRequired: false })).toBe(false);
  });

  it("marks a review overdue after its date when none is recorded", () => {
    const today = new Date("2026-03-10");
    expect(isReviewOverdue({ status: "APPROVED", reviewDate: new Date("2026-03-09"), reviewCount: 0 }, today)).toBe(
      true,
    );
    expect(isReviewOverdue({ status: "APPROVED", reviewDate: new Date("2026-03-10"), reviewCount: 0 }, today)).toBe(
      false,
    );
    expect(isReviewOverdue({ status: "APPROVED", reviewDate: new Date("2026-03-01"), reviewCount: 1 }, today)).toBe(
      false,
    );
    expect(isReviewOverdue({ status: "SUPERSEDED", reviewDate: new Date("2026-03-01"), reviewCount: 0 }, today)).toBe(
      false,
    );
  });
});

describe("screened-out wording", () => {
  it("says the QIA was screened out and that no full QIA is needed", async () => {
    const { SCREENED_OUT_LABEL, SCREENED_OUT_REASON } = await import("./qia-rules");
    expect(SCREENED_OUT_LABEL).toBe("Screened out: no full QIA needed");
    expect(SCREENED_OUT_REASON.startsWith(SCREENED_OUT_LABEL)).toBe(true);
  });
});
