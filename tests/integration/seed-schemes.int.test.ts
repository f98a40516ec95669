import { beforeAll, describe, expect, it } from "vitest";
import { elapsedMonths, financialYearOf } from "@/lib/financial-year";
import { schemeCode } from "@/modules/schemes/scheme-rules";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { DEMO_SCHEME_LEADS, NEL_SPLIT_K, seedSchemes } from "../../prisma/seed/seed-schemes";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** seedSchemes: demo CIP/QIPP schemes shaped on the NEL provider-productivity plan, idempotently. */

const M = 100_000_000n; // £1m in pence
const K = 100_000n; // £1k in pence

describe("seedSchemes", () => {
  useTestDatabase();
  const now = new Date();
  const fy = financialYearOf(now);
  const elapsed = elapsedMonths(fy, now);
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(db());
    await seedSchemes(db(), now);
    afterFirst = await rowCounts();
  }, 180_000);

  it("loads 117 schemes in every stage, most in planning or delivery", async () => {
    const byStage = await db().scheme.groupBy({ by: ["stage"], _count: { _all: true } });
    expect(Object.fromEntries(byStage.map((g) => [g.stage, g._count._all]))).toEqual({
      OPPORTUNITY: 11,
      PLANNING: 26,
      DELIVERY: 56,
      COMPLETE: 10,
      ON_HOLD: 6,
      REJECTED: 4,
      WITHDRAWN: 4,
    });
    const byOrg = await db().$queryRaw<{ code: string; n: number }[]>`
      SELECT o.code, count(*)::int AS n FROM scheme s JOIN organisation o ON o.id = s.organisation_id GROUP BY o.code`;
    expect(Object.fromEntries(byOrg.map((r) => [r.code, r.n]))).toEqual({
      BH: 32,
      BHRUT: 21,
      HUH: 18,
      LTH: 23,
      NEL: 13,
      LSC: 10,
    });
    // A few in the previous year, all complete; the rest in the current one.
    const previous = await db().scheme.findMany({ where: { financialYear: fy - 1 }, select: { stage: true } });
    expect(previous).toHaveLength(8);
    expect(previous.every((s) => s.stage === "COMPLETE")).toBe(true);
    expect(await db().scheme.count({ where: { financialYear: { notIn: [fy, fy - 1] } } })).toBe(0);
    // A mix of recurrence, cash-releasing, categories and sizes.
    expect(await db().scheme.count({ where: { recurrent: false } })).toBeGreaterThanOrEqual(3);
    expect(await db().scheme.count({ where: { cashReleasing: false } })).toBeGreaterThanOrEqual(3);
    expect((await db().scheme.groupBy({ by: ["category"] })).length).toBe(3);
    expect(
      await db().scheme.count({ where: { fullYearEffectPence: { gte: 1n * M, lte: 3n * M } } }),
    ).toBeGreaterThanOrEqual(5);
    expect(
      await db().scheme.count({ where: { fullYearEffectPence: { gte: 50n * K, lte: 400n * K } } }),
    ).toBeGreaterThanOrEqual(50);
    expect(
      await db().scheme.count({
        where: {
          category: "PAY",
          stage: { in: ["PLANNING", "DELIVERY"] },
          wteSubstantive: 0,
          wteBank: 0,
          wteAgency: 0,
        },
      }),
    ).toBeLessThan(await db().scheme.count({ where: { category: "PAY", stage: { in: ["PLANNING", "DELIVERY"] } } }));
  });

  it("numbers codes 1, 2, 3… per organisation: CIP at trusts, QIPP at ICBs", async () => {
    const organisations = await db().organisation.findMany({
      include: { schemes: { orderBy: { codeNumber: "asc" }, select: { code: true, codeNumber: true, type: true } } },
    });
    for (const o of organisations) {
      const type = o.type === "ICB" ? "QIPP" : "CIP";
      expect(o.schemes.length, o.code).toBeGreaterThan(0);
      expect(o.schemes.map((s) => s.codeNumber)).toEqual(o.schemes.map((_, i) => i + 1));
      expect(o.schemes.map((s) => s.code)).toEqual(o.schemes.map((s) => schemeCode(o.code, type, s.codeNumber)));
      expect(o.schemes.every((s) => s.type === type)).toBe(true);
    }
    const codes = await db().scheme.findMany({ select: { code: true } });
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  it("gives every planning, delivery and complete scheme 12 months whose plan sums exactly to its in-year value", async () => {
    const wrong = await db().$queryRaw<{ code: string }[]>`
      SELECT s.code
        FROM scheme s LEFT JOIN scheme_month m ON m.scheme_id = s.id AND m.financial_year = s.financial_year
       WHERE s.stage IN ('PLANNING', 'DELIVERY', 'COMPLETE')
       GROUP BY s.id
      HAVING count(m.month) <> 12
          OR COALESCE(sum(m.plan_pence), -1) <> s.in_year_value_pence
          OR count(m.forecast_pence) <> 12
          -- spread evenly from the start month (nothing before it), the remainder in month 12
          OR count(*) FILTER (WHERE m.month < s.start_month AND m.plan_pence <> 0) > 0
          OR count(DISTINCT m.plan_pence) FILTER (WHERE m.month >= s.start_month AND m.month < 12) > 1`;
    expect(wrong).toEqual([]);
    const planned = await db().scheme.count({ where: { stage: { in: ["PLANNING", "DELIVERY", "COMPLETE"] } } });
    expect(await db().schemeMonth.count()).toBe(planned * 12);
    // The pence really are spread: at least one plan does not divide evenly into pounds.
    expect(await db().schemeMonth.count({ where: { month: 12, NOT: { planPence: { equals: 0n } } } })).toBeGreaterThan(
      0,
    );
    const odd = await db().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM scheme_month WHERE plan_pence % 100 <> 0`;
    expect(odd[0]!.n).toBeGreaterThan(0);
  });

  it("records actuals for the elapsed months only, for delivery and complete schemes", async () => {
    const future = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM scheme_month WHERE actual_pence IS NOT NULL AND financial_year * 12 + month > ${fy * 12 + elapsed}`;
    expect(future[0]!.n).toBe(0);
    const counts = await db().$queryRaw<{ stage: string; financial_year: number; code: string; actuals: number }[]>`
      SELECT s.stage::text, s.financial_year, s.code, count(m.actual_pence)::int AS actuals
        FROM scheme s JOIN scheme_month m ON m.scheme_id = s.id GROUP BY s.id`;
    for (const c of counts) {
      const expected = c.stage === "PLANNING" ? 0 : c.financial_year < fy ? 12 : elapsed;
      expect(c.actuals, c.code).toBe(expected);
    }
    if (elapsed >= 3) {
      const ytd = await db().$queryRaw<{ behind: number; ahead: number }[]>`
        SELECT count(*) FILTER (WHERE actual < plan * 0.9)::int AS behind, count(*) FILTER (WHERE actual > plan)::int AS ahead
          FROM (SELECT sum(m.plan_pence) AS plan, sum(m.actual_pence) AS actual
                  FROM scheme s JOIN scheme_month m ON m.scheme_id = s.id
                 WHERE s.stage = 'DELIVERY' AND s.financial_year = ${fy} AND m.month <= ${elapsed}
                 GROUP BY s.id HAVING sum(m.plan_pence) > 0) t`;
      expect(ytd[0]!.behind).toBeGreaterThanOrEqual(10);
      expect(ytd[0]!.ahead).toBeGreaterThanOrEqual(2);
    }
  });

  it("splits the NEL plan's savings across the three trusts on the matching workstreams", async () => {
    const rows = await db().$queryRaw<{ workstream: string; code: string; sub: string; fye: bigint }[]>`
      SELECT w.name AS workstream, o.code, s.sub_category AS sub, sum(s.full_year_effect_pence)::bigint AS fye
        FROM scheme s JOIN workstream w ON w.id = s.workstream_id JOIN organisation o ON o.id = s.organisation_id
       GROUP BY w.name, o.code, s.sub_category`;
    const total = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((n, r) => n + r.fye, 0n);
    const byWorkstream = (name: string) => total((r) => r.workstream === name);
    // The paper: bank & agency c.£8.6m, back office (HR, Finance, IT) up to c.£10.7m, pathology c.£3.5m, procurement c.£7.6m.
    const bankAndAgency = (r: (typeof rows)[number]) =>
      r.workstream === "Bank & agency and back office (HR)" && (r.sub === "Agency" || r.sub === "Bank");
    expect(total(bankAndAgency)).toBe((86n * M) / 10n);
    expect(
      total((r) => r.sub === "HR back office") +
        byWorkstream("Back office (Finance)") +
        byWorkstream("IT (back office)"),
    ).toBe((107n * M) / 10n);
    expect(byWorkstream("Pathology")).toBe((35n * M) / 10n);
    expect(byWorkstream("Procurement")).toBe((76n * M) / 10n);
    // The split chosen (README "Demo schemes"): HR back office £3.0m, Finance £4.1m, IT £3.6m.
    expect(byWorkstream("Bank & agency and back office (HR)")).toBe((116n * M) / 10n);
    expect(total((r) => r.sub === "HR back office")).toBe(3n * M);
    expect(byWorkstream("Back office (Finance)")).toBe((41n * M) / 10n);
    expect(byWorkstream("IT (back office)")).toBe((36n * M) / 10n);
    // By trust: Barts Health £16.6m, BHRUT £8.75m, Homerton £5.05m (£30.4m in all).
    expect(total((r) => r.code === "BH")).toBe((166n * M) / 10n);
    expect(total((r) => r.code === "BHRUT")).toBe((875n * M) / 100n);
    expect(total((r) => r.code === "HUH")).toBe((505n * M) / 100n);
    expect(total(() => true)).toBe((304n * M) / 10n);
    const exported = Object.values(NEL_SPLIT_K)
      .flatMap((line) => Object.values(line) as number[])
      .reduce((n, k) => n + k, 0);
    expect(BigInt(exported) * K).toBe((304n * M) / 10n);
    // Every linked scheme is a current-year, identified saving at a NEL trust; LTH and ICB schemes are not linked.
    expect(
      await db().scheme.count({
        where: {
          workstreamId: { not: null },
          OR: [{ financialYear: { not: fy } }, { stage: { in: ["ON_HOLD", "REJECTED", "WITHDRAWN"] } }],
        },
      }),
    ).toBe(0);
    expect(
      await db().scheme.count({
        where: { workstreamId: { not: null }, organisation: { code: { notIn: ["BH", "BHRUT", "HUH"] } } },
      }),
    ).toBe(0);
  });

  it("has every scheme led by a lead or finance member of its organisation, the demo leads included", async () => {
    const unlinked = await db().$queryRaw<{ code: string }[]>`
      SELECT s.code FROM scheme s
       WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = s.lead_id AND m.organisation_id = s.organisation_id AND m.role IN ('LEAD', 'FINANCE'))`;
    expect(unlinked).toEqual([]);
    expect(
      await db().scheme.count({ where: { lead: { email: "lead@demo.nhs.uk" }, organisation: { code: "BH" } } }),
    ).toBeGreaterThanOrEqual(5);
    expect(
      await db().scheme.count({ where: { lead: { email: "lth-lead@demo.nhs.uk" }, organisation: { code: "LTH" } } }),
    ).toBeGreaterThanOrEqual(5);
    const donor = await db().user.findUniqueOrThrow({ where: { email: "lead@demo.nhs.uk" } });
    const extra = await db().user.findMany({
      where: { email: { in: DEMO_SCHEME_LEADS.map((u) => u.email) } },
      include: { memberships: { include: { organisation: true } } },
    });
    expect(extra).toHaveLength(DEMO_SCHEME_LEADS.length);
    for (const u of extra) {
      expect(u.passwordHash).toBe(donor.passwordHash);
      const spec = DEMO_SCHEME_LEADS.find((d) => d.email === u.email)!;
      expect(u.memberships.map((m) => `${m.role}@${m.organisation.code}`)).toEqual([`LEAD@${spec.organisationCode}`]);
    }
  });

  it("has updates for the last two elapsed months of most delivery schemes, with some due this month", async () => {
    const updates = await db().monthlyUpdate.findMany({ include: { scheme: { include: { lead: true } } } });
    expect(updates.every((u) => u.submittedAt.getTime() <= now.getTime())).toBe(true);
    expect(
      updates.every(
        (u) => u.scheme.stage === "DELIVERY" && u.financialYear === fy && u.month <= elapsed && u.month >= elapsed - 1,
      ),
    ).toBe(true);
    expect(updates.every((u) => u.submittedById === u.scheme.leadId && u.commentary.length > 20)).toBe(true);
    if (elapsed < 2) return;
    const delivery = await db().scheme.findMany({
      where: { stage: "DELIVERY", financialYear: fy },
      include: { lead: true },
    });
    const latest = new Set(updates.filter((u) => u.month === elapsed).map((u) => u.schemeId));
    const previous = new Set(updates.filter((u) => u.month === elapsed - 1).map((u) => u.schemeId));
    expect(latest.size).toBeGreaterThan(delivery.length * 0.8);
    const leadSchemes = delivery.filter((s) => s.lead.email === "lead@demo.nhs.uk");
    const due = leadSchemes.filter((s) => !latest.has(s.id));
    expect(due.length).toBeGreaterThanOrEqual(2);
    expect(due.every((s) => previous.has(s.id))).toBe(true);
    expect(leadSchemes.length - due.length).toBeGreaterThanOrEqual(2);
  });

  it("sets a savings target above the identified value for every organisation, so a gap shows", async () => {
    const rows = await db().$queryRaw<{ code: string; target: bigint; identified: bigint }[]>`
      SELECT o.code, t.target_pence AS target,
             (SELECT COALESCE(sum(s.in_year_value_pence), 0)::bigint FROM scheme s
               WHERE s.organisation_id = o.id AND s.financial_year = t.financial_year
                 AND s.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE')) AS identified
        FROM savings_target t JOIN organisation o ON o.id = t.organisation_id
       WHERE t.financial_year = ${fy}`;
    expect(rows.map((r) => r.code).sort()).toEqual(["BH", "BHRUT", "HUH", "LSC", "LTH", "NEL"]);
    for (const r of rows) {
      expect(r.identified, r.code).toBeGreaterThan(0n);
      expect(r.target, r.code).toBeGreaterThan(r.identified);
      expect(r.target * 10n, r.code).toBeLessThanOrEqual(r.identified * 15n);
    }
  });

  it("closes every elapsed month but the last at each trust, by its finance user or the system PMO", async () => {
    const closes = await db().periodClose.findMany({ include: { organisation: true, closedBy: true } });
    const closer: Record<string, string> = {
      BH: "finance@demo.nhs.uk",
      LTH: "lth-finance@demo.nhs.uk",
      BHRUT: "pmo@demo.nhs.uk",
      HUH: "pmo@demo.nhs.uk",
    };
    for (const [code, email] of Object.entries(closer)) {
      const mine = closes.filter((c) => c.organisation.code === code);
      expect(
        mine
          .filter((c) => c.financialYear === fy)
          .map((c) => c.month)
          .sort((a, b) => a - b),
        code,
      ).toEqual(Array.from({ length: Math.max(0, elapsed - 1) }, (_, i) => i + 1));
      expect(
        mine.filter((c) => c.financialYear === fy - 1),
        code,
      ).toHaveLength(12);
      expect(mine.every((c) => c.closedBy.email === email && c.closedAt.getTime() <= now.getTime())).toBe(true);
    }
    expect(closes.filter((c) => c.organisation.type === "ICB")).toEqual([]);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const snapshot = () =>
      db().scheme.findMany({
        orderBy: { id: "asc" },
        select: { id: true, version: true, updatedAt: true, inYearValuePence: true },
      });
    const before = await rowCounts();
    expect(before).toEqual(afterFirst);
    const schemes = await snapshot();
    await seedSchemes(db(), now);
    expect(await rowCounts()).toEqual(before);
    expect(await snapshot()).toEqual(schemes);
  });
});
