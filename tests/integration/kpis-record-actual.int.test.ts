import { beforeAll, describe, expect, it } from "vitest";
import { recordKpiActualSchema, type RecordKpiActualInput } from "@/modules/kpis/kpi-schemas";
import { recordKpiActual } from "@/modules/kpis/record-kpi-actual";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  PROGRAMME_ACTORS,
  checkMatrixCell,
  countChanges,
  createKpiRow,
  createProgrammeRow,
  createProgrammeWorld,
  outcomes,
  type MatrixSpec,
  type ProgrammeWorld,
} from "../factories/programmes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Recording a KPI's monthly actual: its owner lead (a LEAD linked to the KPI's owner lead) or
 * finance/PMO of the programme; never a month that has not started; never over a newer version.
 */

let w: ProgrammeWorld;

/** 15 June 2025: month 3 (June) of 2025/26 has started, month 4 (July) has not. */
const NOW = new Date(Date.UTC(2025, 5, 15, 12));
const record = (actor: Actor, raw: Record<string, unknown>, now = NOW) =>
  runAction(recordKpiActualSchema, (a, input: RecordKpiActualInput) => recordKpiActual(a, input, now), actor, raw);

type OwnerKind = "trust programme" | "system programme";
const EXPECTED: Record<OwnerKind, MatrixSpec["expected"]> = {
  "trust programme": outcomes(
    [
      "FINANCE at the trust",
      "ADMIN at the trust",
      "FINANCE at the ICB, system-wide",
      "LEAD at the trust, linked to the activity's lead",
    ],
    [
      "FINANCE at the ICB, not system-wide",
      "FINANCE at another trust of the system",
      "FINANCE at another system's ICB, system-wide",
    ],
  ),
  "system programme": outcomes(
    [
      "FINANCE at the ICB, system-wide",
      "FINANCE at the ICB, not system-wide",
      "LEAD at the trust, linked to the activity's lead",
    ],
    ["FINANCE at another system's ICB, system-wide"],
  ),
};

const newKpi = async (kind: OwnerKind = "trust programme") => {
  const programme = await createProgrammeRow({
    systemId: w.systemId,
    organisationId: kind === "trust programme" ? w.trustId : null,
  });
  return createKpiRow({ programmeId: programme.id, ownerLeadId: w.ownLeadId });
};
const kpiState = (id: string) => () => db().kpi.findUniqueOrThrow({ where: { id }, include: { points: true } });

function recordKpiActualSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `recordKpiActual (${kind}; the KPI's owner is "the activity's lead")`,
    expected: EXPECTED[kind],
    action: "kpi.actual.record",
    entityType: "kpi",
    changes: { kpi_point: 1, audit_event: 1 },
    prepare: async () => {
      const kpi = await newKpi(kind);
      return {
        organisationId: kind === "trust programme" ? w.trustId : null,
        raw: { kpiId: kpi.id, version: "1", financialYear: "2025/26", month: "2", actual: "12.3456" },
        snapshot: kpiState(kpi.id),
        verify: async () => {
          const after = await kpiState(kpi.id)();
          expect(after.version).toBe(2);
          expect(after.points.map((p) => [p.financialYear, p.month, p.actual?.toFixed(4), p.trajectory])).toEqual([
            [2025, 2, "12.3456", null],
          ]);
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        recordKpiActualSchema,
        async (a, input) => ({ entityId: (await recordKpiActual(a, input, NOW)).point.kpiId }),
        actor,
        raw,
      ),
  };
}

describe("recordKpiActual", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each((["trust programme", "system programme"] as const).map(recordKpiActualSpec))(
    "authorization: $name",
    (spec) => {
      it.each(PROGRAMME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
        await checkMatrixCell(spec, w.actors[key], expected);
      });
    },
  );

  describe("a month that has not started", () => {
    it.each([
      ["the next month of this year", "2025/26", "4"],
      ["a month of next year", "2026/27", "1"],
      ["March of this year (month 12)", "2025/26", "12"],
    ])("is refused with a field error on month: %s", async (_label, financialYear, month) => {
      const kpi = await newKpi();
      const before = await rowCounts();
      const result = await record(w.actors["FINANCE at the trust"], {
        kpiId: kpi.id,
        version: 1,
        financialYear,
        month,
        actual: "1",
      });
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { month: [expect.stringMatching(/not started/)] },
      });
      expect(await rowCounts()).toEqual(before);
      expect(await kpiState(kpi.id)()).toMatchObject({ version: 1, points: [] });
    });

    it("is accepted once it has started, judged by the `now` passed in", async () => {
      const kpi = await newKpi();
      const raw = { kpiId: kpi.id, version: 1, financialYear: "2025/26", month: "4", actual: "7" };
      expect(
        await record(w.actors["FINANCE at the trust"], raw, new Date(Date.UTC(2025, 5, 30, 23, 59))),
      ).toMatchObject({ ok: false, code: "INVALID" });
      expect(await record(w.actors["FINANCE at the trust"], raw, new Date(Date.UTC(2025, 6, 1)))).toMatchObject({
        ok: true,
      });
      expect(await record(w.actors["FINANCE at the trust"], { ...raw, version: 2, month: "3" })).toMatchObject({
        ok: true,
      });
    });
  });

  describe("bad input", () => {
    it.each([
      ["a month of 13", { month: "13" }, "month", /Choose a month/],
      ["a month of 0", { month: "0" }, "month", /Choose a month/],
      ["a fractional month", { month: "2.5" }, "month", /Choose a month/],
      ["no month", { month: undefined }, "month", /Choose a month|month/i],
      ["an unknown financial year", { financialYear: "2025/27" }, "financialYear", /Unknown financial year "2025\/27"/],
      ["an actual in exponent form", { actual: "1e5" }, "actual", /at most 4 decimal places/],
      ["an actual that is not a number", { actual: "NaN" }, "actual", /at most 4 decimal places/],
      ["an actual of Infinity", { actual: "Infinity" }, "actual", /at most 4 decimal places/],
      ["an actual with 5 decimal places", { actual: "1.23456" }, "actual", /at most 4 decimal places/],
      ["an empty actual", { actual: "  " }, "actual", /Enter a number/],
      ["a numeric actual instead of text", { actual: 12 }, "actual", /Enter a number/],
      ["a KPI id that is not a uuid", { kpiId: "kpi-1" }, "kpiId", /Choose a KPI/],
      ["a version that is not a number", { version: "abc" }, "version", /./],
    ])("%s: a field error, nothing written", async (_label, change, field, message) => {
      const kpi = await newKpi();
      const before = await rowCounts();
      const raw = { kpiId: kpi.id, version: "1", financialYear: "2025/26", month: "2", actual: "3", ...change };
      const result = await record(w.actors["FINANCE at the trust"], raw);
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
      expect(await rowCounts()).toEqual(before);
    });

    it("answers NOT_FOUND for an unknown KPI", async () => {
      const raw = {
        kpiId: "00000000-0000-4000-8000-000000000000",
        version: 1,
        financialYear: "2025/26",
        month: "2",
        actual: "3",
      };
      expect(await record(w.actors["FINANCE at the trust"], raw)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    });
  });

  describe("optimistic concurrency", () => {
    it("lets exactly one of two concurrent saves of the same version through", async () => {
      const kpi = await newKpi();
      const counts = await rowCounts();
      const raw = { kpiId: kpi.id, version: 1, financialYear: "2025/26", month: "1" };
      const results = await Promise.all([
        record(w.actors["FINANCE at the trust"], { ...raw, actual: "1" }),
        record(w.actors["LEAD at the trust, linked to the activity's lead"], { ...raw, actual: "2" }),
      ]);
      expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["STALE", "ok"]);
      expect(countChanges(counts, await rowCounts())).toEqual({ kpi_point: 1, audit_event: 1 });
      const winner = results.findIndex((r) => r.ok);
      const after = await kpiState(kpi.id)();
      expect(after.version).toBe(2);
      expect(after.points[0]?.actual?.toString()).toBe(winner === 0 ? "1" : "2");
    });

    it("overwrites a month's actual with the next version and audits before and after", async () => {
      const kpi = await newKpi();
      const finance = w.actors["FINANCE at the trust"];
      const raw = { kpiId: kpi.id, financialYear: "2025/26", month: "1" };
      expect(await record(finance, { ...raw, version: 1, actual: "10" })).toMatchObject({ ok: true });
      const lastId = await lastAuditId();
      expect(await record(finance, { ...raw, version: 2, actual: "-2.5" })).toMatchObject({
        ok: true,
        data: { version: 3 },
      });
      const after = await kpiState(kpi.id)();
      expect(after.points.map((p) => p.actual?.toString())).toEqual(["-2.5"]);
      const [event] = await auditEventsAfter(lastId);
      expect(event).toMatchObject({ action: "kpi.actual.record", before: { actual: "10" }, after: { actual: "-2.5" } });
    });
  });
});
