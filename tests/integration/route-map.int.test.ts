import { beforeAll, describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { findRouteMapPage, ROUTE_MAP_PAGE_SIZE, type RouteMapSelection } from "@/modules/activities/find-route-map";
import { routeMapYears } from "@/modules/activities/route-map";
import { parseDue } from "@/modules/activities/route-map-filter";
import type { Actor } from "@/server/auth/actor";
import * as factories from "../factories";
import { createActivityRow, createLeadRow, createProgrammeRow } from "../factories/programmes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The route map (issue 11 item 5, issue 19 item 2): filters by due quarter, sole or joint lead,
 * programme, lead, status and organisation; by default the user's own organisation and this
 * financial year and the next; it counts and lists only what falls in the years shown (ongoing
 * activities fall in every range unless left out), one page at a time, with the total always true.
 */

const ASOF = new Date(Date.UTC(2026, 0, 15)); // Q4 2025/26
const q = (fy: number, n: 1 | 2 | 3 | 4) => quarterIndex({ fy, q: n });
const ids = {} as Record<string, string>;
const FILLERS = 27;
let financeAtTrust: Actor;
let systemFinance: Actor;
let trust: { id: string; systemId: string };
let otherTrust: { id: string; systemId: string };
let trustProgrammeId: string;
let soleLead: string;
let secondLead: string;

const base = (changes: Partial<RouteMapSelection> = {}): RouteMapSelection => ({
  organisation: trust,
  years: routeMapYears(ASOF),
  includeOngoing: true,
  page: 1,
  ...changes,
});

const names = (rows: { id: string }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id) ?? "filler");

/** Every page of a selection, walked to the end. */
async function allPages(actor: Actor, selection: RouteMapSelection) {
  const first = await findRouteMapPage(actor, selection, ASOF);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++)
    rows.push(...(await findRouteMapPage(actor, { ...selection, page }, ASOF)).rows);
  return { ...first, rows };
}

describe("route map page", () => {
  useTestDatabase();

  beforeAll(async () => {
    const world = await factories.createSystemWithOrganisations({ trusts: 2 });
    trust = { id: world.trusts[0]!.id, systemId: world.system.id };
    otherTrust = { id: world.trusts[1]!.id, systemId: world.system.id };
    financeAtTrust = await factories.createActor([{ organisationId: trust.id, role: "FINANCE" }]);
    systemFinance = await factories.createActor([{ organisationId: world.icb.id, role: "FINANCE", systemWide: true }]);
    const trustProgramme = await createProgrammeRow({
      systemId: world.system.id,
      organisationId: trust.id,
      theme: "A",
    });
    trustProgrammeId = trustProgramme.id;
    const otherProgramme = await createProgrammeRow({
      systemId: world.system.id,
      organisationId: trust.id,
      theme: "B",
    });
    const otherTrustProgramme = await createProgrammeRow({ systemId: world.system.id, organisationId: otherTrust.id });
    const systemProgramme = await createProgrammeRow({ systemId: world.system.id, organisationId: null, theme: "C" });
    soleLead = (await createLeadRow({ systemId: world.system.id, title: "DoF" })).id;
    secondLead = (await createLeadRow({ systemId: world.system.id, title: "COO" })).id;
    const add = async (key: string, input: Parameters<typeof createActivityRow>[0]) => {
      ids[key] = (await createActivityRow(input)).id;
    };
    const t = trustProgramme.id;
    await add("Q3 21/22 sole done", { programmeId: t, leadIds: [soleLead], ...span(q(2021, 3)), status: "DONE" });
    await add("Q3 21/22 joint late", { programmeId: t, leadIds: [soleLead, secondLead], ...span(q(2021, 3)) });
    await add("Q1 25/26-Q2 26/27", { programmeId: t, leadIds: [soleLead], ...span(q(2025, 1), q(2026, 2)) });
    await add("ongoing", { programmeId: t, leadIds: [secondLead] });
    await add("Q1 27/28 joint", { programmeId: t, leadIds: [soleLead, secondLead], ...span(q(2027, 1)) });
    await add("Q2 16/17", { programmeId: otherProgramme.id, leadIds: [soleLead], ...span(q(2016, 2)) });
    await add("other trust Q4 25/26", {
      programmeId: otherTrustProgramme.id,
      leadIds: [soleLead],
      ...span(q(2025, 4)),
    });
    await add("system Q1 26/27", { programmeId: systemProgramme.id, leadIds: [soleLead], ...span(q(2026, 1)) });
    for (let i = 0; i < FILLERS; i++)
      await createActivityRow({ programmeId: otherProgramme.id, leadIds: [secondLead], ...span(q(2025, 2)) });
  }, 60_000);

  it("by default shows the user's organisation (and its system's shared programmes) in this year and the next", async () => {
    expect(routeMapYears(ASOF)).toEqual({ from: 2025, to: 2026 });
    const map = await allPages(financeAtTrust, base());
    expect(map.total).toBe(3 + FILLERS);
    expect(map.rows).toHaveLength(map.total);
    expect(names(map.rows).filter((n) => n !== "filler")).toEqual(["Q1 25/26-Q2 26/27", "ongoing", "system Q1 26/27"]);
    // The fillers (Q2 2025/26, not started) are past their quarter.
    expect(map).toMatchObject({ ongoing: 1, overdue: FILLERS, pages: 2 });
  });

  it("pages at a screenful, each activity on exactly one page, the total true on every page", async () => {
    const first = await findRouteMapPage(financeAtTrust, base(), ASOF);
    const second = await findRouteMapPage(financeAtTrust, base({ page: 2 }), ASOF);
    expect(first.rows).toHaveLength(ROUTE_MAP_PAGE_SIZE);
    expect(second.rows).toHaveLength(3 + FILLERS - ROUTE_MAP_PAGE_SIZE);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(3 + FILLERS);
    expect([first.total, second.total]).toEqual([3 + FILLERS, 3 + FILLERS]);
    const beyond = await findRouteMapPage(financeAtTrust, base({ page: 9 }), ASOF);
    expect(beyond).toMatchObject({ rows: [], total: 3 + FILLERS, pages: 2 });
  });

  it("filters by due quarter, showing that quarter's year, and counts what is overdue", async () => {
    const due = parseDue("Q3 21-22");
    if (due.kind !== "quarters") throw new Error("unreadable");
    const years = routeMapYears(ASOF, {}, due);
    expect(years).toEqual({ from: 2021, to: 2021 });
    const map = await allPages(financeAtTrust, base({ years, due }));
    expect(names(map.rows)).toEqual(["Q3 21/22 sole done", "Q3 21/22 joint late"]);
    expect(map).toMatchObject({ total: 2, overdue: 1, ongoing: 0 });
    // A range of due quarters: due (last quarter) within it.
    const range = parseDue("Q1 2026/27 - Q1 2027/28");
    if (range.kind !== "quarters") throw new Error("unreadable");
    const later = await allPages(financeAtTrust, base({ years: routeMapYears(ASOF, {}, range), due: range }));
    expect(names(later.rows).sort()).toEqual(["Q1 25/26-Q2 26/27", "Q1 27/28 joint", "system Q1 26/27"]);
  });

  it("filters sole and joint leads", async () => {
    const years = { from: 2021, to: 2026 };
    const sole = await allPages(financeAtTrust, base({ years, leads: "sole", includeOngoing: false }));
    const joint = await allPages(financeAtTrust, base({ years, leads: "joint", includeOngoing: false }));
    expect(names(joint.rows)).toEqual(["Q3 21/22 joint late"]);
    expect(names(sole.rows).filter((n) => n !== "filler")).toEqual([
      "Q3 21/22 sole done",
      "Q1 25/26-Q2 26/27",
      "system Q1 26/27",
    ]);
  });

  it("counts only what falls in the years shown; ongoing activities fall in every range unless left out", async () => {
    const years = { from: 2016, to: 2017 };
    const withOngoing = await allPages(financeAtTrust, base({ years }));
    expect(names(withOngoing.rows)).toEqual(["ongoing", "Q2 16/17"]);
    expect(withOngoing).toMatchObject({ total: 2, ongoing: 1 });
    const without = await allPages(financeAtTrust, base({ years, includeOngoing: false }));
    expect(names(without.rows)).toEqual(["Q2 16/17"]);
    expect(without.total).toBe(1);
  });

  it("filters by programme, lead and status, and never leaves the actor's scope", async () => {
    const years = { from: 2016, to: 2027 };
    const programme = await allPages(financeAtTrust, base({ years, programmeId: trustProgrammeId }));
    expect(programme.total).toBe(5);
    const byLead = await allPages(financeAtTrust, base({ years, leadId: secondLead, includeOngoing: false }));
    expect(names(byLead.rows).filter((n) => n !== "filler")).toEqual(["Q3 21/22 joint late", "Q1 27/28 joint"]);
    const done = await allPages(financeAtTrust, base({ years, status: "DONE" }));
    expect(names(done.rows)).toEqual(["Q3 21/22 sole done"]);

    // "All organisations": the trust's finance still sees only its own and the system's shared programmes.
    const all = await allPages(financeAtTrust, base({ years, organisation: null }));
    expect(names(all.rows)).not.toContain("other trust Q4 25/26");
    const system = await allPages(systemFinance, base({ years, organisation: null }));
    expect(system.total).toBe(all.total + 1);
    const otherOnly = await allPages(systemFinance, base({ years, organisation: otherTrust }));
    expect(names(otherOnly.rows)).toEqual(["system Q1 26/27", "other trust Q4 25/26"]);
  });
});

function span(from: number, to = from) {
  return { startQuarter: from, endQuarter: to };
}
