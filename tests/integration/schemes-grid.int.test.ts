import { beforeAll, describe, expect, it } from "vitest";
import { saveSchemeMonthsSchema } from "@/modules/schemes/financials/financials-schemas";
import { saveSchemeMonths } from "@/modules/schemes/financials/save-scheme-months";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  NOW,
  closeMonthRow,
  createSchemeRow,
  createSchemeWorld,
  expectFieldErrors,
  schemeState,
  setMonthRows,
  writesNothing,
  type SchemeWorld,
} from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The monthly financials grid (saveSchemeMonths): exact pence, every bad cell reported by its
 * key with nothing written, no actual before a month starts, closed months' actuals only by
 * finance with a reason, and optimistic concurrency on the scheme's version.
 */

let w: SchemeWorld;
let finance: Actor;
let lead: Actor;

const newScheme = () => createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
const save = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(saveSchemeMonthsSchema, (a, input) => saveSchemeMonths(a, input, NOW), actor, raw);
const grid = (schemeId: string, cells: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  schemeId,
  version: "1",
  financialYear: "2025/26",
  ...cells,
  ...extra,
});
const figures = async (schemeId: string, financialYear = 2025) =>
  (await db().schemeMonth.findMany({ where: { schemeId, financialYear }, orderBy: { month: "asc" } })).map((m) => [
    m.month,
    m.planPence,
    m.forecastPence,
    m.actualPence,
  ]);

describe("scheme financials grid", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    finance = w.actors["FINANCE at the trust"];
    lead = w.actors["LEAD at the trust, the scheme's lead"];
  });

  describe("saving the grid", () => {
    it("stores a full year exactly, in pence, bumps the version and audits the change", async () => {
      const scheme = await newScheme();
      const cells: Record<string, string> = {};
      for (let m = 1; m <= 12; m++) {
        cells[`plan.${m}`] = "0.10"; // 12 x 0.10 is 1.2000000000000002 in floating point
        cells[`forecast.${m}`] = m === 12 ? "£1,234,567.89" : "";
        cells[`actual.${m}`] = m <= 4 ? "0.20" : ""; // M4 (July) has started on 15 July
      }
      const lastId = await lastAuditId();
      expect(await save(lead, grid(scheme.id, cells))).toMatchObject({
        ok: true,
        data: { version: 2, changed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      });
      const stored = await figures(scheme.id);
      expect(stored).toHaveLength(12);
      expect(stored[0]).toEqual([1, 10n, null, 20n]);
      expect(stored[11]).toEqual([12, 10n, 123_456_789n, null]);
      expect(
        (await db().schemeMonth.aggregate({ where: { schemeId: scheme.id }, _sum: { planPence: true } }))._sum
          .planPence,
      ).toBe(120n);
      expect((await schemeState(scheme.id)).version).toBe(2);
      const events = await auditEventsAfter(lastId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "scheme.financials.save",
        entityId: scheme.id,
        actorId: lead.userId,
        organisationId: w.trustId,
      });
      expect(events[0]!.before).toMatchObject({
        version: 1,
        financialYear: 2025,
        months: expect.arrayContaining([{ month: 1, plan: null, forecast: null, actual: null }]),
      });
      expect(events[0]!.after).toMatchObject({
        version: 2,
        months: expect.arrayContaining([{ month: 12, plan: 10, forecast: 123_456_789, actual: null }]),
      });
    });

    it("clears a blank cell and keeps a cell that was not sent", async () => {
      const scheme = await newScheme();
      await setMonthRows(scheme.id, 2025, [{ month: 1, plan: 500n, forecast: 400n }]);
      expect(await save(finance, grid(scheme.id, { "plan.1": "" }))).toMatchObject({ ok: true });
      expect(await figures(scheme.id)).toEqual([[1, null, 400n, null]]);
    });

    it("writes nothing and audits nothing when no figure changed", async () => {
      const scheme = await newScheme();
      await setMonthRows(scheme.id, 2025, [{ month: 2, plan: 150_000n }]);
      const lastId = await lastAuditId();
      expect(await save(lead, grid(scheme.id, { "plan.2": "1,500.00", "plan.3": "" }))).toMatchObject({
        ok: true,
        data: { version: 1, changed: [] },
      });
      expect(await auditEventsAfter(lastId)).toEqual([]);
      expect((await schemeState(scheme.id)).version).toBe(1);
    });
  });

  describe("bad cells", () => {
    it("reports every bad cell by its key, with the cell named, and writes nothing", async () => {
      const scheme = await newScheme();
      const result = await writesNothing(() =>
        save(
          lead,
          grid(scheme.id, {
            "plan.1": "abc",
            "plan.2": "1.234",
            "forecast.3": "-5",
            "actual.1": "1e5",
            "actual.2": "NaN",
            "forecast.4": "Infinity",
            "plan.5": "(100)",
            "plan.6": "1,000", // a good cell among bad ones is not written either
          }),
        ),
      );
      expectFieldErrors(result, "VALIDATION", {
        "plan.1": /^Plan M1 Apr: "abc" is not an amount of money/,
        "plan.2": /^Plan M2 May: "1.234" has too many decimal places/,
        "forecast.3": /^Forecast M3 Jun: A saving cannot be negative/,
        "actual.1": /^Actual M1 Apr: "1e5" is not an amount of money/,
        "actual.2": /^Actual M2 May: "NaN" is not an amount/,
        "forecast.4": /^Forecast M4 Jul: "Infinity" is not an amount/,
        "plan.5": /^Plan M5 Aug: A saving cannot be negative/,
      });
    });

    it("refuses a cell that is not text, an impossible year and a missing version", async () => {
      const scheme = await newScheme();
      expectFieldErrors(
        await writesNothing(() => save(lead, grid(scheme.id, { "plan.1": 100 as unknown as string }))),
        "VALIDATION",
        { "plan.1": /enter an amount/ },
      );
      expectFieldErrors(
        await writesNothing(() => save(lead, grid(scheme.id, { "plan.1": "1" }, { financialYear: "2025/27" }))),
        "VALIDATION",
        { financialYear: /not a financial year/ },
      );
      expectFieldErrors(
        await writesNothing(() => save(lead, grid(scheme.id, { "plan.1": "1" }, { version: "" }))),
        "VALIDATION",
        { version: /Reload the page/ },
      );
    });

    it("refuses actuals for months that have not started, naming each", async () => {
      const scheme = await newScheme();
      const result = await writesNothing(() =>
        save(lead, grid(scheme.id, { "actual.4": "1", "actual.5": "100", "actual.12": "0", "plan.12": "5" })),
      );
      expectFieldErrors(result, "INVALID", {
        "actual.5": "M5 Aug 2025/26 has not started yet, so it cannot have an actual",
        "actual.12": "M12 Mar 2025/26 has not started yet, so it cannot have an actual",
      });
      // The whole of a future year likewise.
      expectFieldErrors(
        await writesNothing(() => save(lead, grid(scheme.id, { "actual.1": "1" }, { financialYear: "2026/27" }))),
        "INVALID",
        { "actual.1": /M1 Apr 2026\/27 has not started yet/ },
      );
    });
  });

  describe("closed months (2024/25 M2 closed)", () => {
    let schemeId: string;
    const edit = (actor: Actor, version: number, cells: Record<string, string>, extra: Record<string, unknown> = {}) =>
      save(actor, { schemeId, version: String(version), financialYear: "2024/25", ...cells, ...extra });

    beforeAll(async () => {
      schemeId = (await newScheme()).id;
      await setMonthRows(schemeId, 2024, [{ month: 2, plan: 100_000n, forecast: 95_000n, actual: 90_000n }]);
      await closeMonthRow(w.trustId, 2024, 2, finance.userId);
    });

    it("refuses the lead a changed actual, or a cleared one", async () => {
      expectFieldErrors(await writesNothing(() => edit(lead, 1, { "actual.2": "950" })), "INVALID", {
        "actual.2": "M2 May 2024/25 is closed: only finance can change its actual",
      });
      expectFieldErrors(await writesNothing(() => edit(lead, 1, { "actual.2": "" })), "INVALID", {
        "actual.2": /is closed: only finance/,
      });
    });

    it("lets the lead save the grid with the closed actual unchanged, and change its plan and forecast", async () => {
      expect(await edit(lead, 1, { "actual.2": "900.00", "forecast.2": "960", "actual.3": "10" })).toMatchObject({
        ok: true,
        data: { version: 2, changed: [2, 3] },
      });
      expect(await figures(schemeId, 2024)).toEqual([
        [2, 100_000n, 96_000n, 90_000n],
        [3, null, null, 1_000n],
      ]);
    });

    it("asks finance for a reason, and writes nothing without one", async () => {
      expectFieldErrors(await writesNothing(() => edit(finance, 2, { "actual.2": "950" })), "INVALID", {
        "actual.2": "M2 May 2024/25 is closed: give a reason for changing its actual",
        reason: "Give a reason for changing the actuals of closed months (M2 May)",
      });
      expectFieldErrors(
        await writesNothing(() => edit(finance, 2, { "actual.2": "950" }, { reason: "   " })),
        "INVALID",
        { "actual.2": /give a reason/, reason: /Give a reason/ },
      );
    });

    it("accepts finance with a reason, and keeps the reason in the audit event", async () => {
      const lastId = await lastAuditId();
      expect(await edit(finance, 2, { "actual.2": "950" }, { reason: "Late agency invoice credited" })).toMatchObject({
        ok: true,
        data: { version: 3 },
      });
      expect(await figures(schemeId, 2024)).toContainEqual([2, 100_000n, 96_000n, 95_000n]);
      const [event] = await auditEventsAfter(lastId);
      expect(event).toMatchObject({
        action: "scheme.financials.save",
        actorId: finance.userId,
        before: { months: [{ month: 2, actual: 90_000 }] },
        after: { months: [{ month: 2, actual: 95_000 }], reason: "Late agency invoice credited" },
      });
    });
  });

  describe("concurrency", () => {
    it("refuses a save of a stale version and writes nothing", async () => {
      const scheme = await newScheme();
      expect(await save(lead, grid(scheme.id, { "plan.1": "1" }))).toMatchObject({ ok: true });
      const result = await writesNothing(() => save(finance, grid(scheme.id, { "plan.1": "2" })));
      expect(result).toMatchObject({
        ok: false,
        code: "STALE",
        message: expect.stringMatching(/changed by someone else/),
      });
    });

    it("of two simultaneous saves of one version, one wins and one is STALE; the loser's retry loses nothing", async () => {
      const scheme = await newScheme();
      const lastId = await lastAuditId();
      const [a, b] = await Promise.all([
        save(lead, grid(scheme.id, { "plan.1": "100" })),
        save(finance, grid(scheme.id, { "plan.2": "200" })),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, code: "STALE" });
      expect(await auditEventsAfter(lastId)).toHaveLength(1);
      // Only the winner's change is in, whole.
      expect(await figures(scheme.id)).toEqual(a.ok ? [[1, 10_000n, null, null]] : [[2, 20_000n, null, null]]);

      // The loser reloads (version 2) and saves again: both changes are kept.
      const retry = a.ok
        ? save(finance, grid(scheme.id, { "plan.2": "200" }, { version: "2" }))
        : save(lead, grid(scheme.id, { "plan.1": "100" }, { version: "2" }));
      expect(await retry).toMatchObject({ ok: true, data: { version: 3 } });
      expect(await figures(scheme.id)).toEqual([
        [1, 10_000n, null, null],
        [2, 20_000n, null, null],
      ]);
    });

    it("of ten simultaneous saves of one version exactly one wins", async () => {
      const scheme = await newScheme();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          save(i % 2 ? lead : finance, grid(scheme.id, { "plan.1": String(i + 1) })),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "STALE")).toBe(true);
      const winner = results.findIndex((r) => r.ok);
      expect(await figures(scheme.id)).toEqual([[1, BigInt((winner + 1) * 100), null, null]]);
      expect((await schemeState(scheme.id)).version).toBe(2);
    });
  });
});
