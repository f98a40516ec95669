import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { READ_ENDPOINTS } from "@/modules/read-api/read-endpoints";
import { db } from "@/server/db";
import { createUser } from "../factories";
import { callApi, createApiWorld, createTokenHolder, issueToken, type ApiWorld } from "../factories/read-api";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The read API: every endpoint scoped to the token holder's organisations for every role, paging
 * with `next` links, CSV, and each kind of bad input answered with a status and a JSON message.
 */

let w: ApiWorld;
const ORG_ENDPOINTS = READ_ENDPOINTS.filter((e) => e.columns.some((c) => c.name === "organisationId")).map(
  (e) => e.name,
);

async function organisationsSeen(token: string, name: string): Promise<string[]> {
  const byYear = "year" in (READ_ENDPOINTS.find((e) => e.name === name)?.filters ?? {});
  const r = await callApi(name, token, byYear ? "year=2025&limit=1000" : "limit=1000");
  expect(r.status, `${name}: ${r.text}`).toBe(200);
  return [...new Set((r.json.data as { organisationId: string }[]).map((row) => row.organisationId))].sort();
}

describe("read API", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createApiWorld();
  });

  describe("read API", () => {
    useTestDatabase();

    beforeAll(async () => {
      w = await createApiWorld();
    });

    describe("read API scope", () => {
      it("lists the endpoints that carry an organisation", () => {
        expect(ORG_ENDPOINTS).toEqual(
          expect.arrayContaining([
            "schemes",
            "scheme-months",
            "savings-targets",
            "risks",
            "activities",
            "kpis",
            "gateway-decisions",
            "qia-status",
          ]),
        );
      });

      it.each(["FINANCE", "BOARD", "ADMIN", "LEAD", "CLINICAL_APPROVER"] as Role[])(
        "a %s at trust T1 reads T1's data only, on every endpoint",
        async (role) => {
          const holder = await createTokenHolder([{ organisationId: w.t1.id, role }]);
          for (const name of ORG_ENDPOINTS)
            expect(await organisationsSeen(holder.token, name), name).toEqual([w.t1.id]);
          const dashboard = await callApi("dashboard", holder.token, "year=2025");
          expect(dashboard.json.data[0]).toMatchObject({
            schemeCount: 2,
            targetPence: 1_000_000_00,
            identifiedPence: 750_000_01,
          });
        },
      );

      it("the ICB's system-wide office reads every trust of its system, and nothing of another system", async () => {
        const holder = await createTokenHolder([{ organisationId: w.icb.id, role: "FINANCE", systemWide: true }]);
        for (const name of ORG_ENDPOINTS)
          expect(await organisationsSeen(holder.token, name), name).toEqual([w.t1.id, w.t2.id].sort());
        const dashboard = await callApi("dashboard", holder.token, "year=2025");
        expect(dashboard.json.data[0]).toMatchObject({ schemeCount: 3, targetPence: 1_400_000_00 });
        const foreign = await callApi("schemes", holder.token, `organisation=${w.x.id}`);
        expect(foreign.status).toBe(403);
      });

      it("a board member asking for another organisation's data is refused on every endpoint, and it is audited", async () => {
        const holder = await createTokenHolder([{ organisationId: w.t1.id, role: "BOARD" }]);
        for (const e of READ_ENDPOINTS) {
          const r = await callApi(e.name, holder.token, `organisation=${w.t1.id},${w.t2.id}`);
          expect(r.status, e.name).toBe(403);
          expect(r.json.error.message).toContain(w.t2.id);
          expect(r.json.error.message).not.toContain(w.t1.id);
        }
        const denied = await db().auditEvent.findMany({ where: { actorId: holder.userId, action: "access.denied" } });
        expect(denied.map((d) => d.entityId).sort()).toEqual(READ_ENDPOINTS.map((e) => `api ${e.name}`).sort());
      });

      it("a user with no roles reads nothing", async () => {
        const user = await createUser();
        const { token } = await issueToken(user.id);
        for (const e of READ_ENDPOINTS) expect((await callApi(e.name, token)).status, e.name).toBe(403);
      });
    });

    describe("read API output", () => {
      it("gives money as pence and as pounds, and pages with next links until the end", async () => {
        const holder = await createTokenHolder([{ organisationId: w.t1.id, role: "FINANCE" }]);
        const first = await callApi("scheme-months", holder.token, "year=2025&limit=4");
        expect(first.json).toMatchObject({ page: 1, limit: 4, total: 9 });
        expect(first.json.data).toHaveLength(4);
        const row = first.json.data.find((r: { month: number; actualPence: number }) => r.month === 2);
        expect(row).toMatchObject({ planPence: 100_00, planPounds: 100, actualPence: 120_55, actualPounds: 120.55 });
        const seen = [...first.json.data];
        let next: string | null = first.json.next;
        while (next) {
          const url = new URL(next);
          expect(url.origin).toBe("http://127.0.0.1:3260");
          const page = await callApi("scheme-months", holder.token, url.searchParams.toString());
          seen.push(...page.json.data);
          next = page.json.next;
        }
        expect(seen).toHaveLength(9);
        expect(new Set(seen.map((r) => `${r.schemeId}:${r.month}`)).size).toBe(9);
        const past = await callApi("scheme-months", holder.token, "year=2025&limit=4&page=9");
        expect(past.json).toMatchObject({ data: [], total: 9, next: null });
      });

      it("streams CSV with the JSON field names, numbers as numbers and text safe from formulas", async () => {
        const holder = await createTokenHolder([{ organisationId: w.t1.id, role: "FINANCE" }]);
        const r = await callApi("scheme-months", holder.token, "year=2025&format=csv");
        expect(r.status).toBe(200);
        expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
        const lines = r.text
          .replace(/^\uFEFF/, "")
          .trimEnd()
          .split("\r\n");
        expect(lines[0]).toBe(
          "schemeId,schemeCode,organisationId,organisationCode,schemeFinancialYear,stage,identified,recurrent,financialYear,month,planPence,planPounds,forecastPence,forecastPounds,actualPence,actualPounds,baselinePence,baselinePounds",
        );
        expect(lines).toHaveLength(10);
        expect(lines.some((l) => l.includes(",12055,120.55,"))).toBe(true);
        const schemes = await callApi("schemes", holder.token, "year=2025&format=csv");
        expect(schemes.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(
          /^id,code,title,description,organisationId/,
        );
      });

      it("reproduces the finance dashboard's year-to-date and outturn figures from the scheme months alone", async () => {
        const holder = await createTokenHolder([{ organisationId: w.icb.id, role: "BOARD", systemWide: true }]);
        const r = await callApi("scheme-months", holder.token, "year=2025&limit=1000");
        type M = {
          identified: boolean;
          schemeFinancialYear: number;
          month: number;
          planPence: number | null;
          forecastPence: number | null;
          actualPence: number | null;
        };
        const rows = (r.json.data as M[]).filter((m) => m.identified && m.schemeFinancialYear === 2025);
        const dashboard = (await callApi("dashboard", holder.token, "year=2025")).json.data[0];
        const elapsed = dashboard.elapsedMonths as number;
        const sum = (f: (m: M) => number | null) => rows.reduce((t, m) => t + (f(m) ?? 0), 0);
        expect(sum((m) => (m.month <= elapsed ? m.planPence : 0))).toBe(dashboard.ytdPlanPence);
        expect(sum((m) => (m.month <= elapsed ? m.actualPence : 0))).toBe(dashboard.ytdActualPence);
        expect(sum((m) => (m.month <= elapsed ? m.actualPence : null) ?? m.forecastPence ?? m.planPence)).toBe(
          dashboard.forecastOutturnPence,
        );
        const scope = [w.icb.id, w.t1.id, w.t2.id];
        expect(dashboard.forecastOutturnPence).toBe((await financeHeadline(scope, 2025)).forecastOutturnPence);
        expect(dashboard.ytdActualPence).toBeGreaterThan(0);
      });
    });

    describe("read API bad input", () => {
      let token: string;
      beforeAll(async () => {
        token = (await createTokenHolder([{ organisationId: w.t1.id, role: "FINANCE" }])).token;
      });

      it.each([
        ["limit=0", "limit"],
        ["limit=100000", "limit"],
        ["page=-1", "page"],
        ["page=abc", "page"],
        ["format=xlsx", "format"],
        ["stage=nonsense", "stage"],
        ["organisation=x%27%20OR%20%271%27=%271", "organisation"],
        ["q=%00", "q"],
        ["bogus=1", "bogus"],
      ])("%s: 400 naming the parameter", async (query, field) => {
        const r = await callApi("schemes", token, query);
        expect(r.status).toBe(400);
        expect(Object.keys(r.json.error.fields)).toEqual([field]);
        expect(r.json.error.message).toContain(field);
      });

      it("10,000 ids in a filter: 400 with one message", async () => {
        const ids = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
        const r = await callApi("scheme-months", token, `scheme=${ids.join(",")}`);
        expect(r.status).toBe(400);
        expect(r.json.error.fields).toEqual({ scheme: ["At most 100 ids."] });
      });

      it("SQL-ish and unicode filter values are data: 200 with no match, nothing leaked", async () => {
        for (const q of ["' OR 1=1; DROP TABLE scheme; --", "%", "_", "\\", "Ærøskøbing 🏥 – naïve", "’”"]) {
          const r = await callApi("schemes", token, new URLSearchParams({ q, year: "2025" }).toString());
          expect(r.status, q).toBe(200);
          expect(r.json.total, q).toBe(0);
        }
      });
    });
  });
});
