import { describe, expect, it } from "vitest";
import type { Actor, ActorOrganisation } from "@/server/auth/actor";
import {
  breakdownHref,
  dashboardSelection,
  formatWte,
  movementWord,
  netWteText,
  signedWte,
  wteMovements,
  maturitySegments,
  percentText,
  shareText,
} from "./finance-dashboard-view";

const org = (id: string, roles: ActorOrganisation["roles"]): ActorOrganisation => ({
  id,
  code: id.toUpperCase(),
  name: `Org ${id}`,
  type: "TRUST",
  systemId: "s1",
  roles,
  clinicalCapacities: [],
  financeCapacities: [],
});
const actor: Actor = {
  userId: "u1",
  email: "u1@test.nhs.uk",
  name: "U One",
  organisations: [org("a", ["BOARD"]), org("b", ["FINANCE"]), org("c", [])],
};
const NOW = new Date("2025-09-15T10:00:00Z");

describe("dashboardSelection", () => {
  it("defaults to the current organisation and this financial year", () => {
    expect(dashboardSelection(actor, {}, "b", NOW)).toEqual({
      organisationId: "b",
      year: 2025,
      scope: ["b"],
      organisations: [
        { id: "a", name: "Org a" },
        { id: "b", name: "Org b" },
      ],
    });
  });

  it("shows the system view for org=all: every organisation the actor may view the dashboard of", () => {
    const s = dashboardSelection(actor, { org: "all", year: "2024-25" }, "b", NOW);
    expect([s.organisationId, s.year, s.scope]).toEqual([undefined, 2024, ["a", "b"]]);
  });

  it("starts someone with a system-wide role on the system view; their ?org= still chooses one organisation", () => {
    const icb: Actor = { ...actor, systemWide: true };
    expect(dashboardSelection(icb, {}, "b", NOW)).toMatchObject({ organisationId: undefined, scope: ["a", "b"] });
    expect(dashboardSelection(icb, { org: "b" }, "a", NOW)).toMatchObject({ organisationId: "b", scope: ["b"] });
    // One organisation to see is no system view.
    expect(dashboardSelection({ ...icb, organisations: [org("b", ["FINANCE"])] }, {}, "b", NOW)).toMatchObject({
      organisationId: "b",
    });
    // Without a system-wide role the current organisation stays the default.
    expect(dashboardSelection(actor, {}, "b", NOW).organisationId).toBe("b");
  });

  it("ignores an organisation the actor may not view, and a bad year", () => {
    expect(dashboardSelection(actor, { org: "c", year: "nonsense" }, "a", NOW)).toMatchObject({
      organisationId: "a",
      year: 2025,
      scope: ["a"],
    });
    expect(dashboardSelection(actor, { org: ["b", "a"] }, "zzz", NOW)).toMatchObject({
      organisationId: "b",
      scope: ["b"],
    });
    expect(dashboardSelection(actor, {}, "zzz", NOW)).toMatchObject({ organisationId: "a", scope: ["a"] });
    expect(dashboardSelection({ ...actor, organisations: [] }, {}, undefined, NOW)).toMatchObject({
      organisationId: undefined,
      scope: [],
    });
  });

  it("narrows to one programme type for ?type=CIP or ?type=QIPP, and ignores any other", () => {
    expect(dashboardSelection(actor, { type: "QIPP" }, "b", NOW).type).toBe("QIPP");
    expect(dashboardSelection(actor, { org: "all", type: "CIP" }, "b", NOW).type).toBe("CIP");
    expect(dashboardSelection(actor, { type: "cip" }, "b", NOW).type).toBeUndefined();
    expect(dashboardSelection(actor, {}, "b", NOW).type).toBeUndefined();
  });

  it("shows any year of the range, and says why it shows this year for one outside it", () => {
    const range = { first: 2010, last: 2030 };
    expect(dashboardSelection(actor, { year: "2016-17" }, "b", NOW, range)).toMatchObject({ year: 2016 });
    expect(dashboardSelection(actor, { year: "2016-17" }, "b", NOW, range).yearNotice).toBeUndefined();
    expect(dashboardSelection(actor, { org: "all", year: "2031-32" }, "b", NOW, range)).toMatchObject({
      year: 2025,
      yearNotice: "2031/32 is outside the financial years this service holds (2010/11 to 2030/31); showing 2025/26.",
    });
  });
});

describe("maturitySegments", () => {
  const stages = [
    { stage: "OPPORTUNITY" as const, inYearPence: 10 },
    { stage: "COMPLETE" as const, inYearPence: 5 },
  ];
  it("adds the unidentified gap as its own segment only when the target is not covered", () => {
    expect(maturitySegments(stages, 7).map((s) => [s.label, s.pence])).toEqual([
      ["Opportunity", 10],
      ["Complete", 5],
      ["Unidentified", 7],
    ]);
    expect(maturitySegments(stages, 0)).toHaveLength(2);
    expect(maturitySegments(stages, -3)).toHaveLength(2);
  });
});

describe("formatting helpers", () => {
  it("shows WTE hundredths with two decimals and shares as whole percentages", () => {
    expect([formatWte(250), formatWte(5), formatWte(0), formatWte(-125)]).toEqual(["2.50", "0.05", "0.00", "-1.25"]);
    expect([shareText(1, 3), shareText(85_000_001, 108_000_004), shareText(1, 0)]).toEqual(["33%", "79%", "—"]);
  });
});

describe("breakdownHref", () => {
  const W = "11111111-1111-4111-8111-111111111111";
  it("links a row to the register with the same year, organisation and identified stages", () => {
    expect(breakdownHref({ dimension: "workstream", key: W }, { year: 2025, organisation: "o1" })).toBe(
      `/schemes?organisation=o1&workstream=${W}&stage=IDENTIFIED&year=2025-26`,
    );
    expect(breakdownHref({ dimension: "category", key: "NON_PAY" }, { year: 2024 })).toBe(
      "/schemes?stage=IDENTIFIED&category=NON_PAY&year=2024-25",
    );
    expect(breakdownHref({ dimension: "organisation", key: "o2" }, { year: 2025 })).toBe(
      "/schemes?organisation=o2&stage=IDENTIFIED&year=2025-26",
    );
    expect(breakdownHref({ dimension: "division", key: null }, { year: 2025 })).toBeNull();
  });
});

describe("percentText", () => {
  it.each([
    [520, 600, "86.7%"],
    [1, 3, "33.3%"],
    [2, 3, "66.7%"],
    [0, 5, "0.0%"],
    [5, 5, "100.0%"],
    [7, 0, "—"],
  ])("%s of %s is %s", (part, whole, text) => {
    expect(percentText(part, whole)).toBe(text);
  });
});

describe("WTE movements", () => {
  it("turns stored reductions into signed movements per staff group and the net", () => {
    expect(wteMovements({ substantive: -300, bank: 500, agency: 400 })).toEqual({
      groups: [
        { group: "Substantive", changeHundredths: 300 },
        { group: "Bank", changeHundredths: -500 },
        { group: "Agency", changeHundredths: -400 },
      ],
      netHundredths: -600,
    });
  });
  it.each([
    [300, "+3.00", "increase", "Net increase of 3.00 WTE"],
    [-525, "-5.25", "reduction", "Net reduction of 5.25 WTE"],
    [0, "0.00", "no change", "No net change in WTE"],
  ])("%i hundredths: %s, %s", (hundredths, signed, word, net) => {
    expect([signedWte(hundredths), movementWord(hundredths), netWteText(hundredths)]).toEqual([signed, word, net]);
  });
});
