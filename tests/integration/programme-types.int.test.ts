import { beforeAll, describe, expect, it } from "vitest";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { figuresByProgrammeType } from "@/modules/dashboards/programme-type-figures";
import { schemeFigureScope } from "@/modules/dashboards/scheme-figures";
import { setSavingsTargetSchema } from "@/modules/schemes/financials/financials-schemas";
import { setSavingsTarget } from "@/modules/schemes/financials/set-savings-target";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { seedSchemes } from "../../prisma/seed/seed-schemes";
import { createActor, createSystemWithOrganisations } from "../factories";
import { createSchemeMonthRows, createSchemeRow, createLeadUser } from "../factories/scheme-rows";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Item 3 of issue 11: targets per organisation, year and programme type (CIP at a trust, QIPP at
 * an ICB, both at a trust its ICB delegates QIPP to); the dashboard filters by type and the
 * system view shows CIP, QIPP and their total.
 */

const FY = 2025;
const NOW = new Date(Date.UTC(2025, 9, 15));

describe("CIP and QIPP side by side", () => {
  useTestDatabase();

  let trustId: string;
  let icbId: string;
  let trustFinance: Actor;
  let icbFinance: Actor;
  let systemFinance: Actor;

  const setTarget = (actor: Actor, organisationId: string, programmeType: string | undefined, target: string) =>
    runAction(setSavingsTargetSchema, setSavingsTarget, actor, {
      organisationId,
      financialYear: formatFinancialYear(FY),
      target,
      ...(programmeType === undefined ? {} : { programmeType }),
    });

  beforeAll(async () => {
    const { icb, trusts } = await createSystemWithOrganisations({ trusts: 1 });
    trustId = trusts[0]!.id;
    icbId = icb.id;
    trustFinance = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
    icbFinance = await createActor([{ organisationId: icbId, role: "FINANCE" }]);
    systemFinance = await createActor([{ organisationId: icbId, role: "FINANCE", systemWide: true }]);
  });

  it("gives a trust a CIP target and an ICB a QIPP target by default", async () => {
    expect(await setTarget(trustFinance, trustId, undefined, "6,000,000")).toMatchObject({
      ok: true,
      data: { programmeType: "CIP", targetPence: 600_000_000n },
    });
    expect(await setTarget(icbFinance, icbId, "", "2,000,000")).toMatchObject({
      ok: true,
      data: { programmeType: "QIPP", targetPence: 200_000_000n },
    });
  });

  it("refuses a target for a type the organisation does not hold: field message, nothing written, refusal audited", async () => {
    const counts = await rowCounts();
    const lastId = await lastAuditId();
    const trustQipp = await setTarget(trustFinance, trustId, "QIPP", "1,000,000");
    expect(trustQipp).toMatchObject({ ok: false, code: "INVALID" });
    if (!trustQipp.ok) expect(trustQipp.fieldErrors?.programmeType?.[0]).toMatch(/does not hold QIPP schemes/);
    const icbCip = await setTarget(icbFinance, icbId, "CIP", "1,000,000");
    if (!icbCip.ok) expect(icbCip.fieldErrors?.programmeType?.[0]).toMatch(/is an ICB: it holds QIPP, not CIP/);
    expect(icbCip.ok).toBe(false);
    const bad = await setTarget(trustFinance, trustId, "BOTH", "1");
    expect(bad).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { programmeType: ["Choose CIP or QIPP"] },
    });

    expect(await rowCounts()).toEqual({ ...counts, audit_event: counts.audit_event! + 2 });
    const events = await auditEventsAfter(lastId);
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["action.refused", "setSavingsTarget", trustFinance.userId],
      ["action.refused", "setSavingsTarget", icbFinance.userId],
    ]);
  });

  it("lets a trust its ICB delegates QIPP to hold a QIPP target beside its CIP target", async () => {
    await db().organisation.update({ where: { id: trustId }, data: { holdsDelegatedQipp: true } });
    expect(await setTarget(trustFinance, trustId, "QIPP", "500,000")).toMatchObject({
      ok: true,
      data: { programmeType: "QIPP", targetPence: 50_000_000n },
    });
    const targets = await db().savingsTarget.findMany({
      where: { organisationId: trustId },
      orderBy: { programmeType: "asc" },
      select: { programmeType: true, targetPence: true },
    });
    expect(targets).toEqual([
      { programmeType: "CIP", targetPence: 600_000_000n },
      { programmeType: "QIPP", targetPence: 50_000_000n },
    ]);
  });

  it("filters the dashboard by type and shows CIP, QIPP and their total in the system view", async () => {
    const trustLead = await createLeadUser(trustId, "Trust Lead");
    const icbLead = await createLeadUser(icbId, "ICB Lead");
    const cip = await createSchemeRow({
      organisationId: trustId,
      leadId: trustLead.id,
      stage: "DELIVERY",
      inYearPence: 400_000_000,
      fullYearEffectPence: 400_000_000,
    });
    await createSchemeMonthRows(cip.id, FY, [[1, 30_000_000, null, 25_000_000]]);
    const delegated = await createSchemeRow({
      organisationId: trustId,
      leadId: trustLead.id,
      stage: "PLANNING",
      type: "QIPP",
      inYearPence: 20_000_000,
      fullYearEffectPence: 20_000_000,
    });
    expect(delegated.type).toBe("QIPP");
    await createSchemeRow({
      organisationId: icbId,
      leadId: icbLead.id,
      stage: "OPPORTUNITY",
      type: "QIPP",
      inYearPence: 150_000_000,
      fullYearEffectPence: 150_000_000,
    });

    const scope = schemeFigureScope(systemFinance);
    const [all, onlyCip, onlyQipp] = await Promise.all([
      financeHeadline(scope, FY, NOW),
      financeHeadline(scope, FY, NOW, "CIP"),
      financeHeadline(scope, FY, NOW, "QIPP"),
    ]);
    expect([onlyCip.targetPence, onlyCip.identifiedPence, onlyCip.schemeCount]).toEqual([600_000_000, 400_000_000, 1]);
    expect([onlyQipp.targetPence, onlyQipp.identifiedPence, onlyQipp.schemeCount]).toEqual([
      250_000_000, 170_000_000, 2,
    ]);
    expect(all.targetPence).toBe(850_000_000);

    const rows = await figuresByProgrammeType(scope, FY, NOW);
    expect(rows.map((r) => [r.type, r.targetPence, r.identifiedPence, r.unidentifiedPence])).toEqual([
      ["CIP", 600_000_000, 400_000_000, 200_000_000],
      ["QIPP", 250_000_000, 170_000_000, 80_000_000],
      ["TOTAL", 850_000_000, 570_000_000, 280_000_000],
    ]);
    const total = rows[2]!;
    expect([total.identifiedPence, total.riskAdjustedPence, total.schemeCount]).toEqual([
      all.identifiedPence,
      all.riskAdjustedPence,
      all.schemeCount,
    ]);
    expect(Object.fromEntries(rows[1]!.stages.map((s) => [s.stage, s.inYearPence]))).toEqual({
      OPPORTUNITY: 150_000_000,
      PLANNING: 20_000_000,
      DELIVERY: 0,
      COMPLETE: 0,
    });
  });

  it("shows CIP, QIPP and their total for a demo system", async () => {
    const now = new Date();
    await seedDemo(db());
    await seedSchemes(db(), now);
    const icb = await db().organisation.findUniqueOrThrow({ where: { code: "NEL" } });
    const nel = await createActor([{ organisationId: icb.id, role: "FINANCE", systemWide: true }]);
    const year = financialYearOf(now);
    const rows = await figuresByProgrammeType(schemeFigureScope(nel), year, now);
    const [cip, qipp, total] = rows;
    expect(cip!.targetPence).toBeGreaterThan(0);
    expect(qipp!.targetPence).toBeGreaterThan(0);
    expect(cip!.identifiedPence).toBeGreaterThan(0);
    expect(qipp!.identifiedPence).toBeGreaterThan(0);
    const headline = await financeHeadline(schemeFigureScope(nel), year, now);
    expect([total!.targetPence, total!.identifiedPence]).toEqual([headline.targetPence, headline.identifiedPence]);
  }, 180_000);
});
