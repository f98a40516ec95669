import { describe, expect, it } from "vitest";
import { defaultProgrammeType, holdsProgrammeType, notHeldMessage, programmeTypesOf } from "./programme-types";

describe("programme types an organisation holds", () => {
  it.each([
    [{ type: "TRUST" as const, holdsDelegatedQipp: false }, ["CIP"], "CIP"],
    [{ type: "TRUST" as const, holdsDelegatedQipp: true }, ["CIP", "QIPP"], "CIP"],
    [{ type: "ICB" as const, holdsDelegatedQipp: false }, ["QIPP"], "QIPP"],
    [{ type: "ICB" as const, holdsDelegatedQipp: true }, ["QIPP"], "QIPP"],
  ])("%o holds %o, by default %s", (organisation, types, fallback) => {
    expect(programmeTypesOf(organisation)).toEqual(types);
    expect(defaultProgrammeType(organisation)).toBe(fallback);
    expect(holdsProgrammeType(organisation, "CIP")).toBe(types.includes("CIP"));
    expect(holdsProgrammeType(organisation, "QIPP")).toBe(types.includes("QIPP"));
  });

  it("says why a type is not held", () => {
    expect(notHeldMessage("Barts Health NHS Trust", "QIPP")).toMatch(/does not hold QIPP schemes/);
    expect(notHeldMessage("NHS North East London ICB", "CIP")).toMatch(/is an ICB: it holds QIPP, not CIP/);
  });
});
