import { beforeAll, describe, expect, it } from "vitest";
import type { SchemeStage } from "@/generated/prisma/enums";
import { closePeriod } from "@/modules/schemes/financials/close-period";
import { closePeriodSchema, setSavingsTargetSchema } from "@/modules/schemes/financials/financials-schemas";
import { findDueMonthlyUpdates, findPeriods, findSavingsTargets } from "@/modules/schemes/financials/financials-reads";
import { setSavingsTarget } from "@/modules/schemes/financials/set-savings-target";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import {
  NOW,
  closeMonthRow,
  createSchemeRow,
  createSchemeWorld,
  expectFieldErrors,
  writesNothing,
  type SchemeWorld,
} from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Month-end close and savings targets (finance only), and the lead's "Due this month" list.
 * Authorization of each write is in schemes-authorization; here, what they do and refuse.
 */

let w: SchemeWorld;
let finance: Actor;
let lead: Actor;

const close = (raw: Record<string, unknown>, actor = finance) =>
  runAction(closePeriodSchema, (a, input) => closePeriod(a, input, NOW), actor, raw);
const setTarget = (raw: Record<string, unknown>, actor = finance) =>
  runAction(setSavingsTargetSchema, setSavingsTarget, actor, raw);

describe("finance settings", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    finance = w.actors["FINANCE at the trust"];
    lead = w.actors["LEAD at the trust, the scheme's lead"];
  });

  describe("closePeriod", () => {
    it("closes an ended month once; closing it again is a clear conflict that writes nothing", async () => {
      const lastId = await lastAuditId();
      expect(await close({ organisationId: w.trustId, financialYear: "2025/26", month: "3" })).toMatchObject({
        ok: true,
        data: { month: 3, financialYear: 2025, closedById: finance.userId },
      });
      expect(await auditEventsAfter(lastId)).toMatchObject([
        { action: "period.close", entityType: "period", entityId: `${w.trustId}:2025:3`, organisationId: w.trustId },
      ]);
      const again = await writesNothing(() =>
        close(
          { organisationId: w.trustId, financialYear: "2025/26", month: "3" },
          w.actors["FINANCE at the ICB, system-wide"],
        ),
      );
      expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
      if (!again.ok)
        expect(again.message).toMatch(
          new RegExp(`^M3 Jun 2025/26 is already closed \\(by ${finance.name} on \\d+ \\w+ \\d{4}\\)\\.$`),
        );
    });

    it.each([
      ["4", "M4 Jul 2025/26 has not ended yet: close it once the month is over"],
      ["12", "M12 Mar 2025/26 has not ended yet: close it once the month is over"],
    ])("refuses month %s, which has not ended", async (month, message) => {
      expectFieldErrors(
        await writesNothing(() => close({ organisationId: w.trustId, financialYear: "2025/26", month })),
        "INVALID",
        { month: message },
      );
    });

    it("refuses a year that has not begun", async () => {
      expectFieldErrors(
        await writesNothing(() => close({ organisationId: w.trustId, financialYear: "2026/27", month: "1" })),
        "INVALID",
        { month: /has not ended yet/ },
      );
    });

    it.each([
      [{ month: "13" }, "month"],
      [{ month: "0" }, "month"],
      [{ month: "1.5" }, "month"],
      [{ financialYear: "2025" }, "financialYear"],
      [{ organisationId: "not-a-uuid" }, "organisationId"],
    ])("refuses %j", async (overrides, field) => {
      const result = await writesNothing(() =>
        close({ organisationId: w.trustId, financialYear: "2025/26", month: "2", ...overrides }),
      );
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    });

    it("of two finance users closing one month at once, one succeeds and the other is told it is closed", async () => {
      const raw = { organisationId: w.trustId, financialYear: "2024/25", month: "7" };
      const results = await Promise.all([close(raw), close(raw, w.actors["FINANCE at the ICB, system-wide"])]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/^M7 Oct 2024\/25 is already closed/),
      });
      expect(
        await db().periodClose.count({ where: { organisationId: w.trustId, financialYear: 2024, month: 7 } }),
      ).toBe(1);
    });

    it("lists each month of a year as closed, open or not ended, for finance only", async () => {
      await closeMonthRow(w.trustId, 2025, 1, finance.userId);
      const periods = await findPeriods(finance, w.trustId, 2025, NOW);
      expect(periods.map((p) => [p.month, p.state])).toEqual([
        [1, "closed"],
        [2, "open"],
        [3, "closed"],
        ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => [m, "not-ended"]),
      ]);
      expect(periods[0]).toMatchObject({ closedBy: finance.name });
      await expect(findPeriods(lead, w.trustId, 2025, NOW)).rejects.toThrow(DomainError);
    });
  });

  describe("setSavingsTarget", () => {
    it("sets, then replaces, one target per year, auditing before and after", async () => {
      const lastId = await lastAuditId();
      expect(
        await setTarget({ organisationId: w.trustId, financialYear: "2025/26", target: "£24,500,000" }),
      ).toMatchObject({ ok: true, data: { targetPence: 2_450_000_000n } });
      expect(
        await setTarget({ organisationId: w.trustId, financialYear: "25-26", target: "25,000,000.01" }),
      ).toMatchObject({ ok: true, data: { targetPence: 2_500_000_001n } });
      expect(await db().savingsTarget.findMany({ where: { organisationId: w.trustId } })).toEqual([
        { organisationId: w.trustId, financialYear: 2025, programmeType: "CIP", targetPence: 2_500_000_001n },
      ]);
      const events = await auditEventsAfter(lastId);
      expect(events).toMatchObject([
        { action: "savings-target.set", before: null, after: { targetPence: "2450000000" } },
        { action: "savings-target.set", before: { targetPence: "2450000000" }, after: { targetPence: "2500000001" } },
      ]);
      expect(await findSavingsTargets(finance, w.trustId)).toHaveLength(1);
      await expect(findSavingsTargets(lead, w.trustId)).rejects.toThrow(DomainError);
    });

    it.each([
      ["1.234", /too many decimal places/],
      ["-1", "The savings target cannot be negative"],
      ["1e5", /not an amount of money/],
      ["Infinity", /not an amount of money/],
      ["", "Enter the savings target"],
    ])("refuses a target of %j", async (target, message) => {
      expectFieldErrors(
        await writesNothing(() => setTarget({ organisationId: w.trustId, financialYear: "2026/27", target })),
        "VALIDATION",
        { target: message },
      );
    });
  });

  describe("Due this month", () => {
    it("lists the lead's active schemes with no update for the last month that ended", async () => {
      const make = (title: string, extra: { stage?: SchemeStage; financialYear?: number } = {}) =>
        createSchemeRow({ organisationId: w.trustId, leadId: lead.userId, title, ...extra });
      const delivery = await make("Due: delivery", { stage: "DELIVERY" });
      const opportunity = await make("Due: opportunity, updated for M2 only", { stage: "OPPORTUNITY" });
      const lastYear = await make("Due: last year's scheme still in planning", {
        stage: "PLANNING",
        financialYear: 2024,
      });
      const updated = await make("Not due: updated for M3", { stage: "PLANNING" });
      await make("Not due: complete", { stage: "COMPLETE" });
      await make("Not due: on hold", { stage: "ON_HOLD" });
      await make("Not due: next year's", { stage: "PLANNING", financialYear: 2026 });
      await createSchemeRow({
        organisationId: w.trustId,
        leadId: finance.userId,
        title: "Not due: someone else's",
        stage: "DELIVERY",
      });
      const update = (schemeId: string, month: number) =>
        db().monthlyUpdate.create({
          data: { schemeId, financialYear: 2025, month, rag: "GREEN", commentary: "Fine", submittedById: lead.userId },
        });
      await update(opportunity.id, 2);
      await update(updated.id, 3);

      const due = await findDueMonthlyUpdates(lead, NOW);
      expect(due).toMatchObject({ financialYear: 2025, month: 3 });
      expect(due.schemes.map((s) => s.id).sort()).toEqual([delivery.id, opportunity.id, lastYear.id].sort());
      // In April the update due is for March of the year before.
      const april = await findDueMonthlyUpdates(lead, new Date(Date.UTC(2026, 3, 2)));
      expect(april).toMatchObject({ financialYear: 2025, month: 12 });
      expect(april.schemes.map((s) => s.title)).toContain("Not due: updated for M3");
    });
  });
});
