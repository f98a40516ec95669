import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { toCsv } from "@/lib/csv";
import { findRisksForExport } from "@/modules/risks/find-risks";
import { RISK_PAGE_SIZE, riskQuerySchema } from "@/modules/risks/risk-filter";
import type { Actor } from "@/server/auth/actor";
import { createActor, createSystemWithOrganisations } from "../factories";
import { createProgrammeRow } from "../factories/programmes";
import { createRiskRow } from "../factories/risks";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The CSV export of the register neutralises spreadsheet formulas (DESIGN.md section 7). The
 * route reads the session, so the session module is replaced by one that returns a chosen actor.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({ getActor: async () => session.actor }));
const { GET } = await import("@/app/api/risks/export/route");

const FORMULA_TITLE = '=HYPERLINK("http://x")';
let finance: Actor;
let outsider: Actor;
let programmeId: string;
let bulkProgrammeId: string;

const exportUrl = (params: Record<string, string> = {}) =>
  `http://localhost/api/risks/export?${new URLSearchParams(params).toString()}`;

describe("risk register CSV export", () => {
  useTestDatabase();

  beforeAll(async () => {
    const ours = await createSystemWithOrganisations({ trusts: 1 });
    const theirs = await createSystemWithOrganisations({ trusts: 1 });
    const trustId = ours.trusts[0]!.id;
    finance = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
    outsider = await createActor([{ organisationId: theirs.trusts[0]!.id, role: "FINANCE" }]);
    programmeId = (await createProgrammeRow({ systemId: ours.system.id, organisationId: trustId, name: "Premium pay" }))
      .id;
    await createRiskRow({
      programmeId,
      ownerId: finance.userId,
      title: FORMULA_TITLE,
      cause: "+44 cost pressure",
      event: "-1 theatre list, rest as planned",
      effect: "@SUM(A1:A9)",
      current: [4, 4],
      target: [2, 2],
      reviewDate: "2026-09-30",
    });
    await createRiskRow({ programmeId, ownerId: finance.userId, title: "Plain risk", current: [2, 2] });
    bulkProgrammeId = (await createProgrammeRow({ systemId: ours.system.id, organisationId: trustId })).id;
    for (let i = 0; i < RISK_PAGE_SIZE + 2; i++)
      await createRiskRow({ programmeId: bulkProgrammeId, ownerId: finance.userId });
  });

  beforeEach(() => {
    session.actor = null;
  });

  it("writes a formula-like title as a text cell starting with an apostrophe", async () => {
    const risks = await findRisksForExport(finance, riskQuerySchema.parse({ q: "hyperlink" }));
    expect(risks.map((r) => r.title)).toEqual([FORMULA_TITLE]);
    const csv = toCsv(
      ["Title", "Cause", "Event", "Effect", "Current score"],
      risks.map((r) => [r.title, r.cause, r.event, r.effect, r.currentScore]),
    );
    expect(csv).toBe(
      '\uFEFFTitle,Cause,Event,Effect,Current score\r\n"\'=HYPERLINK(""http://x"")",\'+44 cost pressure,"\'-1 theatre list, rest as planned",\'@SUM(A1:A9),16\r\n',
    );
  });

  it("exports every matching row, not one page, and only the actor's system", async () => {
    expect(await findRisksForExport(finance, riskQuerySchema.parse({ programme: bulkProgrammeId }))).toHaveLength(
      RISK_PAGE_SIZE + 2,
    );
    expect(
      await findRisksForExport(outsider, riskQuerySchema.parse({ programme: programmeId, status: "ALL" })),
    ).toEqual([]);
  });

  describe("GET /api/risks/export", () => {
    it("refuses anyone not signed in", async () => {
      const response = await GET(new Request(exportUrl()));
      expect(response.status).toBe(401);
    });

    it("returns the filtered register as an attachment with formulas neutralised", async () => {
      session.actor = finance;
      const response = await GET(new Request(exportUrl({ programme: programmeId, sort: "title" })));
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="risk-register-\d{4}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const body = await response.text();
      const lines = body.replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toMatch(/^Title,Organisation,Programme or scheme,Workstream,Category,Owner,Cause,Event,Effect,/);
      expect(lines.slice(1, -1)).toHaveLength(2);
      expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",T[^,]*,Premium pay,,FINANCIAL,/);
      expect(lines[1]).toContain(
        ",'+44 cost pressure,\"'-1 theatre list, rest as planned\",'@SUM(A1:A9),16,4,4,16,Extreme,4,2026-09-30,OPEN,",
      );
      expect(lines[2]).toMatch(/^Plain risk,/);
      expect(lines.at(-1)).toBe("");
    });

    it("gives another system an empty register, header only", async () => {
      session.actor = outsider;
      const body = await (await GET(new Request(exportUrl({ programme: programmeId, status: "ALL" })))).text();
      expect(
        body
          .replace(/^\uFEFF/, "")
          .split("\r\n")
          .filter(Boolean),
      ).toHaveLength(1);
    });
  });
});
