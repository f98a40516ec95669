import { describe, expect, it } from "vitest";
import {
  PROTECTED_CHARACTERISTICS,
  eiaGaps,
  eiaReturnsToDraft,
  eiaSignOffRefusal,
  isEiaScreeningComplete,
  isFullEiaRequired,
} from "./eia-rules";

describe("EIA rules", () => {
  it("screens the nine protected characteristics of the Equality Act 2010", () => {
    expect(PROTECTED_CHARACTERISTICS).toHaveLength(9);
    expect(isEiaScreeningComplete([...PROTECTED_CHARACTERISTICS])).toBe(true);
    expect(isEiaScreeningComplete(PROTECTED_CHARACTERISTICS.slice(1))).toBe(false);
  });

  it("requires the full EIA when any characteristic has a negative impact", () => {
    expect(isFullEiaRequired([{ impact: "NONE" }, { impact: "NEGATIVE" }])).toBe(true);
    expect(isFullEiaRequired([{ impact: "POSITIVE" }, { impact: "NONE" }])).toBe(false);
  });

  it("names what stops submission", () => {
    const base = { screeningComplete: true, fullRequired: true, analysis: "a", mitigations: "m", engagement: "e" };
    expect(eiaGaps(base)).toEqual([]);
    expect(eiaGaps({ ...base, fullRequired: false, analysis: null })).toEqual([]);
    expect(eiaGaps({ ...base, screeningComplete: false })).toEqual([
      "Answer the screening for all nine protected characteristics.",
    ]);
    expect(eiaGaps({ ...base, analysis: " ", engagement: null })).toEqual([
      "Write the analysis of the impact.",
      "Describe the engagement with the people affected.",
    ]);
  });

  it("is signed by a clinical approver or the finance director, never the scheme's lead", () => {
    const scheme = { leadId: "lead" };
    expect(eiaSignOffRefusal({ userId: "c", isClinicalApprover: true, isFinanceDirector: false }, scheme)).toBeNull();
    expect(eiaSignOffRefusal({ userId: "f", isClinicalApprover: false, isFinanceDirector: true }, scheme)).toBeNull();
    expect(eiaSignOffRefusal({ userId: "x", isClinicalApprover: false, isFinanceDirector: false }, scheme)).toMatch(
      /Only a clinical approver or the finance director/,
    );
    expect(eiaSignOffRefusal({ userId: "lead", isClinicalApprover: true, isFinanceDirector: true }, scheme)).toMatch(
      /You lead this scheme/,
    );
  });

  it("returns a signed or submitted EIA to draft when edited", () => {
    expect(eiaReturnsToDraft("DRAFT")).toBe(false);
    expect(eiaReturnsToDraft("APPROVED")).toBe(true);
  });
});
