import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createActor } from "../factories";
import { createLeadUser, createOrderedSystem, createSchemeRow } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The CSV export of the register (/api/schemes/export): authenticated, scoped and filtered like
 * the page, every matching row (not a page), money in pounds, formulas neutralised. The route
 * reads the session, so the session module is replaced by one that returns a chosen actor.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));
const { GET } = await import("@/app/api/schemes/export/route");

const FORMULA_TITLE = '=cmd|"/c calc"!A1';
let finance: Actor;
let outsider: Actor;
let trustCode: string;
const year = String(new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1);

const exportUrl = (params: Record<string, string> = {}) =>
  `http://localhost/api/schemes/export?${new URLSearchParams({ year, ...params }).toString()}`;
const lines = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((l) => l !== "");

describe("scheme register CSV export", () => {
  useTestDatabase();

  beforeAll(async () => {
    const ours = await createOrderedSystem(["E"]);
    const theirs = await createOrderedSystem(["F"]);
    const trust = ours.trusts[0]!;
    trustCode = trust.code;
    finance = await createActor([{ organisationId: trust.id, role: "FINANCE" }]);
    outsider = await createActor([{ organisationId: theirs.trusts[0]!.id, role: "FINANCE" }]);
    const lead = await createLeadUser(trust.id, "Export Lead");
    const fy = Number(year);
    await createSchemeRow({
      organisationId: trust.id,
      leadId: lead.id,
      financialYear: fy,
      title: FORMULA_TITLE,
      description: "+44 pressure, @once",
      stage: "PLANNING",
      rag: "RED",
      category: "NON_PAY",
      recurrent: false,
      fullYearEffectPence: 60_000_000,
      inYearPence: 45_000_000,
    });
    await createSchemeRow({
      organisationId: trust.id,
      leadId: lead.id,
      financialYear: fy,
      title: "Theatre productivity",
      stage: "DELIVERY",
      rag: "GREEN",
      fullYearEffectPence: 150_000_000,
      inYearPence: 120_000_050,
    });
    // More than a page, so the export is seen to hold every matching row.
    for (let i = 3; i <= 30; i++)
      await createSchemeRow({
        organisationId: trust.id,
        leadId: lead.id,
        financialYear: fy,
        title: `Filler ${i}`,
        inYearPence: 100,
      });
    const otherLead = await createLeadUser(theirs.trusts[0]!.id, "Other Lead");
    await createSchemeRow({
      organisationId: theirs.trusts[0]!.id,
      leadId: otherLead.id,
      financialYear: fy,
      title: "Not yours",
      inYearPence: 100,
    });
  });

  beforeEach(() => {
    session.actor = null;
  });

  it("refuses without a session", async () => {
    const response = await GET(new Request(exportUrl()));
    expect(response.status).toBe(401);
  });

  it("refuses a user without any role", async () => {
    session.actor = await createActor([]);
    expect((await GET(new Request(exportUrl()))).status).toBe(403);
  });

  it("writes a formula-like title as text with a leading apostrophe, and money as pounds with pence", async () => {
    session.actor = finance;
    const response = await GET(new Request(exportUrl({ q: "calc" })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="scheme-register-\d{4}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, row, ...rest] = await lines(response);
    expect(header).toBe(
      "Code,Title,Description,Organisation,Division,Programme,Workstream,Lead,Stage,RAG,Category,Sub-category,Recurrence,Financial year,Full-year effect (£),In-year value (£),Stage weight (%),Risk-adjusted in-year value (£),YTD plan (£),YTD actual (£),Scheme year",
    );
    expect(rest).toEqual([]);
    const fyLabel = `${year}/${String((Number(year) + 1) % 100).padStart(2, "0")}`;
    // 45,000,000 pence at the 50% planning weight = £225,000.00.
    expect(row).toBe(
      `${trustCode}-CIP-0001,"'=cmd|""/c calc""!A1","'+44 pressure, @once",${trustCode},,,,Export Lead,Planning,Red,Non-pay,,Non-recurrent,${fyLabel},600000.00,450000.00,50,225000.00,0.00,0.00,${fyLabel}`,
    );
  });

  it("keeps odd pence exact", async () => {
    session.actor = finance;
    const [, row] = await lines(await GET(new Request(exportUrl({ q: "theatre" }))));
    // 120,000,050 pence at 90% = 108,000,045 pence.
    expect(row).toContain(",1500000.00,1200000.50,90,1080000.45,");
  });

  it("exports every matching row in the register's order, not one page", async () => {
    session.actor = finance;
    const [, ...rows] = await lines(await GET(new Request(exportUrl({ sort: "inYear", dir: "desc" }))));
    expect(rows).toHaveLength(30);
    expect(rows[0]).toContain("Theatre productivity");
    expect(rows[1]).toContain("calc");
    expect(rows.some((r) => r.includes("Not yours"))).toBe(false);
  });

  it("exports nothing of another system, even when asked for by filter", async () => {
    session.actor = outsider;
    const [, ...rows] = await lines(await GET(new Request(exportUrl({ q: "theatre" }))));
    expect(rows).toEqual([]);
    const [, ...own] = await lines(await GET(new Request(exportUrl())));
    expect(own).toHaveLength(1);
    expect(own[0]).toContain("Not yours");
  });
});
