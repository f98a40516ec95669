import { beforeAll, describe, expect, it } from "vitest";
import type { SpcSubject } from "@/generated/prisma/enums";
import { getSpcConfig } from "@/modules/spc/get-spc-config";
import {
  recordChangePointSchema,
  removeChangePointSchema,
  saveSpcSettingsSchema,
  type RecordChangePointInput,
  type SaveSpcSettingsInput,
} from "@/modules/spc/spc-schemas";
import { monthlySeries } from "@/modules/spc/spc-series";
import { recordChangePoint, removeChangePoint, saveSpcSettings } from "@/modules/spc/spc-writes";
import { buildXmrChart } from "@/modules/spc/xmr-chart";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  PROGRAMME_ACTORS,
  checkMatrixCell,
  createKpiRow,
  createProgrammeRow,
  createProgrammeWorld,
  outcomes,
  type MatrixSpec,
  type ProgrammeWorld,
} from "../factories/programmes";
import { createSchemeRow } from "../factories/scheme-rows";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * SPC chart settings and change points: finance/PMO of the chart's owner configure it (a
 * programme KPI's managers, a scheme KPI's finance, an organisation's or system's finance);
 * one transaction with its audit event; bad input refused per field; a rebase read back from
 * the database gives each segment its own limits.
 */

let w: ProgrammeWorld;
const NOW = new Date(Date.UTC(2025, 5, 15, 12)); // June 2025: M3 2025/26 has started, M4 has not

const save = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(saveSpcSettingsSchema, (a, input: SaveSpcSettingsInput) => saveSpcSettings(a, input), actor, raw);
const record = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(
    recordChangePointSchema,
    (a, input: RecordChangePointInput) => recordChangePoint(a, input, NOW),
    actor,
    raw,
  );
const remove = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(removeChangePointSchema, removeChangePoint, actor, raw);

const trustKpi = async () => {
  const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
  return createKpiRow({ programmeId: programme.id, ownerLeadId: w.ownLeadId });
};
const settingState = (subject: SpcSubject, subjectId: string) => () =>
  db().spcChartSetting.findMany({ where: { subject, subjectId } });
const changePointState = (subject: SpcSubject, subjectId: string) => () =>
  db().spcChangePoint.findMany({ where: { subject, subjectId }, orderBy: { financialYear: "asc" } });

/** Managers of a trust programme; the KPI's own lead may record actuals but not rebase the chart. */
const TRUST_KPI = outcomes(
  ["FINANCE at the trust", "ADMIN at the trust", "FINANCE at the ICB, system-wide"],
  [
    "FINANCE at the ICB, not system-wide",
    "FINANCE at another trust of the system",
    "FINANCE at another system's ICB, system-wide",
  ],
);

const specs: MatrixSpec[] = [
  {
    name: "saveSpcSettings on a trust programme's KPI",
    expected: TRUST_KPI,
    action: "spc.settings.save",
    entityType: "spc_chart",
    changes: { spc_chart_setting: 1, audit_event: 1 },
    prepare: async () => {
      const kpi = await trustKpi();
      return {
        organisationId: w.trustId,
        raw: { subject: "KPI", subjectId: kpi.id, version: "0", baselinePoints: "12" },
        snapshot: settingState("KPI", kpi.id),
        verify: async () => {
          expect(await settingState("KPI", kpi.id)()).toMatchObject([
            { screenMovingRanges: false, baselinePoints: 12, version: 1 },
          ]);
        },
      };
    },
    run: async (actor, raw) => {
      const r = await save(actor, raw);
      return r.ok ? { ok: true, data: { entityId: r.data.setting.subjectId } } : r;
    },
  },
  {
    name: "recordChangePoint on a trust programme's KPI",
    expected: TRUST_KPI,
    action: "spc.change_point.record",
    entityType: "spc_change_point",
    changes: { spc_change_point: 1, audit_event: 1 },
    prepare: async () => {
      const kpi = await trustKpi();
      return {
        organisationId: w.trustId,
        raw: { subject: "KPI", subjectId: kpi.id, financialYear: "2024/25", month: "7", reason: "New rota" },
        snapshot: changePointState("KPI", kpi.id),
        verify: async (written) => {
          const rows = await changePointState("KPI", kpi.id)();
          expect(rows.map((r) => [r.id, r.financialYear, r.month, r.reason])).toEqual([
            [written.entityId, 2024, 7, "New rota"],
          ]);
        },
      };
    },
    run: async (actor, raw) => {
      const r = await record(actor, raw);
      return r.ok ? { ok: true, data: { entityId: r.data.changePoint.id } } : r;
    },
  },
];

describe("SPC chart settings and change points", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each(specs)("authorization: $name", (spec) => {
    it.each(PROGRAMME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
      await checkMatrixCell(spec, w.actors[key], expected);
    });
  });

  it("a scheme's KPI is configured by the scheme's finance, not by its lead or the board", async () => {
    const scheme = await createSchemeRow({
      organisationId: w.trustId,
      leadId: w.actors["LEAD at the trust, linked to the activity's lead"].userId,
    });
    const kpi = await db().kpi.create({
      data: { schemeId: scheme.id, name: "Falls per 1,000 bed days", unit: "count", direction: "LOWER_IS_BETTER" },
    });
    const raw = { subject: "KPI", subjectId: kpi.id, version: "0", screenMovingRanges: "on" };
    expect(await save(w.actors["LEAD at the trust, linked to the activity's lead"], raw)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await save(w.actors["BOARD at the trust, linked to a second lead of the activity"], raw)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await save(w.actors["FINANCE at another trust of the system"], raw)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const last = await lastAuditId();
    expect(await save(w.actors["FINANCE at the trust"], raw)).toMatchObject({ ok: true });
    expect(await auditEventsAfter(last)).toMatchObject([
      { action: "spc.settings.save", entityId: kpi.id, organisationId: w.trustId },
    ]);
  });

  it("an organisation's savings chart: its finance; the system's: finance at the ICB", async () => {
    const orgRaw = { subject: "ORGANISATION_SAVINGS", subjectId: w.trustId, version: "0", screenMovingRanges: "on" };
    expect(await save(w.actors["BOARD at the trust, linked to a second lead of the activity"], orgRaw)).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await save(w.actors["ADMIN at the trust"], orgRaw)).toMatchObject({ code: "FORBIDDEN" });
    expect(await save(w.actors["FINANCE at another system's ICB, system-wide"], orgRaw)).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await save(w.actors["FINANCE at the trust"], orgRaw)).toMatchObject({ ok: true });

    const sysRaw = {
      subject: "SYSTEM_SAVINGS",
      subjectId: w.systemId,
      financialYear: "2024/25",
      month: "1",
      reason: "New system plan",
    };
    expect(await record(w.actors["FINANCE at the trust"], sysRaw)).toMatchObject({ code: "FORBIDDEN" });
    expect(await record(w.actors["FINANCE at another system's ICB, system-wide"], sysRaw)).toMatchObject({
      code: "NOT_FOUND",
    });
    const last = await lastAuditId();
    expect(await record(w.actors["FINANCE at the ICB, not system-wide"], sysRaw)).toMatchObject({ ok: true });
    expect(await auditEventsAfter(last)).toMatchObject([{ action: "spc.change_point.record", organisationId: null }]);
  });

  describe("bad input is refused per field and writes nothing", () => {
    it.each([
      ["a baseline under 12 points", { baselinePoints: "11" }, "baselinePoints"],
      ["a baseline that is not a whole number", { baselinePoints: "12.5" }, "baselinePoints"],
      ["a huge baseline", { baselinePoints: "601" }, "baselinePoints"],
      ["an unknown chart kind", { subject: "RISK" }, "subject"],
      ["a chart id that is not an id", { subjectId: "x" }, "subjectId"],
    ])("settings: %s", async (_name, change, field) => {
      const kpi = await trustKpi();
      const counts = await rowCounts();
      const result = await save(w.actors["FINANCE at the trust"], {
        subject: "KPI",
        subjectId: kpi.id,
        version: "0",
        ...change,
      });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      expect(await rowCounts()).toEqual(counts);
    });

    it.each([
      ["no reason", { reason: "  " }, "reason"],
      ["a reason over 500 characters", { reason: "x".repeat(501) }, "reason"],
      ["month 13", { month: "13" }, "month"],
      ["a year that is not a financial year", { financialYear: "2024" }, "financialYear"],
    ])("change point: %s", async (_name, change, field) => {
      const kpi = await trustKpi();
      const counts = await rowCounts();
      const result = await record(w.actors["FINANCE at the trust"], {
        subject: "KPI",
        subjectId: kpi.id,
        financialYear: "2024/25",
        month: "7",
        reason: "New rota",
        ...change,
      });
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      expect(await rowCounts()).toEqual(counts);
    });

    it("a change point in a month that has not started, or a second one at the same month", async () => {
      const kpi = await trustKpi();
      const finance = w.actors["FINANCE at the trust"];
      const base = { subject: "KPI", subjectId: kpi.id, financialYear: "2025/26", reason: "New rota" };
      expect(await record(finance, { ...base, month: "4" })).toMatchObject({
        code: "INVALID",
        fieldErrors: { month: ["A change point must be in a month that has started"] },
      });
      expect(await record(finance, { ...base, month: "3" })).toMatchObject({ ok: true });
      const counts = await rowCounts();
      expect(await record(finance, { ...base, month: "3", reason: "Again" })).toMatchObject({
        code: "INVALID",
        fieldErrors: { month: ["This chart already has a change point at Jun 2025/26"] },
      });
      expect(await rowCounts()).toEqual(counts);
    });
  });

  it("a stale settings version is refused; saving again from the new version works", async () => {
    const kpi = await trustKpi();
    const finance = w.actors["FINANCE at the trust"];
    const raw = { subject: "KPI", subjectId: kpi.id, baselinePoints: "" };
    expect(await save(finance, { ...raw, version: "0" })).toMatchObject({ ok: true });
    expect(await save(finance, { ...raw, version: "0" })).toMatchObject({ code: "STALE" });
    expect(await save(finance, { ...raw, version: "1", screenMovingRanges: "on", baselinePoints: "24" })).toMatchObject(
      { ok: true },
    );
    expect(await save(finance, { ...raw, version: "1" })).toMatchObject({ code: "STALE" });
    expect(await getSpcConfig("KPI", kpi.id)).toMatchObject({
      version: 2,
      screenMovingRanges: true,
      baselinePoints: 24,
    });
  });

  it("removing a change point keeps the reason in the audit log; only its chart's finance may", async () => {
    const kpi = await trustKpi();
    const finance = w.actors["FINANCE at the trust"];
    const created = await record(finance, {
      subject: "KPI",
      subjectId: kpi.id,
      financialYear: "2024/25",
      month: "1",
      reason: "New rota",
    });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.changePoint.id;
    expect(
      await remove(w.actors["FINANCE at another trust of the system"], { changePointId: id, reason: "wrong" }),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await remove(w.actors["LEAD at the trust, linked to the activity's lead"], {
        changePointId: id,
        reason: "wrong",
      }),
    ).toMatchObject({ code: "FORBIDDEN" });
    const last = await lastAuditId();
    expect(await remove(finance, { changePointId: id, reason: "Recorded at the wrong month" })).toMatchObject({
      ok: true,
    });
    expect(await changePointState("KPI", kpi.id)()).toEqual([]);
    expect(await auditEventsAfter(last)).toMatchObject([
      { action: "spc.change_point.remove", entityId: id, after: { removedBecause: "Recorded at the wrong month" } },
    ]);
    expect(await remove(finance, { changePointId: id, reason: "again" })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("rebasing read back from PostgreSQL: each segment gets its own limits", async () => {
    const kpi = await trustKpi();
    const finance = w.actors["FINANCE at the trust"];
    // 12 months at level 50 (2023/24), then 12 at level 60 (2024/25): the hand-worked baseline, +10.
    const level = [50, 52, 49, 51, 50, 48, 52, 50, 51, 49, 50, 48];
    await db().kpiPoint.createMany({
      data: [
        ...level.map((v, i) => ({ kpiId: kpi.id, financialYear: 2023, month: i + 1, actual: v })),
        ...level.map((v, i) => ({ kpiId: kpi.id, financialYear: 2024, month: i + 1, actual: v + 10 })),
      ],
    });
    const points = await db().kpiPoint.findMany({ where: { kpiId: kpi.id } });
    const input = monthlySeries(
      points.map((p) => ({ financialYear: p.financialYear, month: p.month, value: p.actual?.toString() })),
    );

    const before = buildXmrChart(input, { direction: "higher", ...(await getSpcConfig("KPI", kpi.id)) });
    expect(before.segments).toHaveLength(1);
    expect(before.points.at(-1)?.pointClass).toBe("improvement");

    expect(
      await record(finance, {
        subject: "KPI",
        subjectId: kpi.id,
        financialYear: "2024/25",
        month: "1",
        reason: "New rota",
      }),
    ).toMatchObject({ ok: true });
    const config = await getSpcConfig("KPI", kpi.id);
    expect(config.changePoints).toMatchObject([{ key: "2024-01", label: "Apr 2024/25", reason: "New rota" }]);
    const after = buildXmrChart(input, { direction: "higher", ...config });
    expect(after.segments.map((s) => [s.startKey, s.reason, s.limits?.mean, s.limits?.upper])).toEqual([
      ["2023-01", null, 50, 55.32],
      ["2024-01", "New rota", 60, 65.32],
    ]);
    expect(after.points.every((p) => p.pointClass === "common")).toBe(true);
  });
});
