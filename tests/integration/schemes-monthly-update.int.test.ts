import { beforeAll, describe, expect, it } from "vitest";
import { submitMonthlyUpdateSchema } from "@/modules/schemes/financials/financials-schemas";
import { submitMonthlyUpdate } from "@/modules/schemes/financials/submit-monthly-update";
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
 * A lead's monthly update (submitMonthlyUpdate): the month's actual, forecasts for the rest of
 * the year, RAG and commentary in one transaction, history kept; the grid's rules apply.
 */

let w: SchemeWorld;
let finance: Actor;
let lead: Actor;

const newScheme = () => createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
const submit = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(submitMonthlyUpdateSchema, (a, input) => submitMonthlyUpdate(a, input, NOW), actor, raw);
const form = (schemeId: string, overrides: Record<string, unknown> = {}) => ({
  schemeId,
  version: "1",
  financialYear: "2025/26",
  month: "3",
  actual: "12,000",
  rag: "GREEN",
  commentary: "Agency shifts converted to bank as planned.",
  ...overrides,
});
const figures = async (schemeId: string) =>
  (await db().schemeMonth.findMany({ where: { schemeId, financialYear: 2025 }, orderBy: { month: "asc" } })).map(
    (m) => [m.month, m.planPence, m.forecastPence, m.actualPence],
  );

describe("monthly update", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    finance = w.actors["FINANCE at the trust"];
    lead = w.actors["LEAD at the trust, the scheme's lead"];
  });

  describe("submitting", () => {
    it("writes the actual and forecasts, keeps the plan, sets the RAG, keeps history and audits it", async () => {
      const scheme = await newScheme();
      await setMonthRows(scheme.id, 2025, [
        { month: 3, plan: 1_000_000n },
        { month: 4, plan: 1_000_000n, forecast: 1n },
      ]);
      const forecasts = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`forecast.${i + 4}`, "11,000.50"]));
      const lastId = await lastAuditId();
      expect(await submit(lead, form(scheme.id, { ...forecasts, rag: "AMBER" }))).toMatchObject({
        ok: true,
        data: { version: 2, monthName: "M3 Jun 2025/26" },
      });
      const stored = await figures(scheme.id);
      expect(stored[0]).toEqual([3, 1_000_000n, null, 1_200_000n]);
      expect(stored[1]).toEqual([4, 1_000_000n, 1_100_050n, null]);
      expect(stored).toHaveLength(10);
      const after = await schemeState(scheme.id);
      expect(after).toMatchObject({ rag: "AMBER", version: 2 });
      expect(after.updates).toMatchObject([
        {
          month: 3,
          financialYear: 2025,
          rag: "AMBER",
          commentary: "Agency shifts converted to bank as planned.",
          submittedById: lead.userId,
        },
      ]);
      const events = await auditEventsAfter(lastId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "scheme.monthly-update.submit",
        entityId: scheme.id,
        before: { version: 1, rag: null },
        after: {
          version: 2,
          rag: "AMBER",
          update: { month: 3, commentary: "Agency shifts converted to bank as planned." },
        },
      });

      // A second update of the same month is kept beside the first.
      expect(
        await submit(
          lead,
          form(scheme.id, { version: "2", actual: "12,500", rag: "GREEN", commentary: "Revised after ledger close." }),
        ),
      ).toMatchObject({ ok: true });
      expect((await schemeState(scheme.id)).updates.map((u) => u.commentary).sort()).toEqual([
        "Agency shifts converted to bank as planned.",
        "Revised after ledger close.",
      ]);
    });

    it("ignores forecasts posted for the month itself or earlier months", async () => {
      const scheme = await newScheme();
      expect(
        await submit(lead, form(scheme.id, { "forecast.2": "5", "forecast.3": "5", "forecast.4": "7" })),
      ).toMatchObject({ ok: true });
      expect(await figures(scheme.id)).toEqual([
        [3, null, null, 1_200_000n],
        [4, null, 700n, null],
      ]);
    });

    it("accepts an actual of zero and a blank forecast that clears one", async () => {
      const scheme = await newScheme();
      await setMonthRows(scheme.id, 2025, [{ month: 5, forecast: 9n }]);
      expect(await submit(lead, form(scheme.id, { actual: "0", "forecast.5": "" }))).toMatchObject({ ok: true });
      expect(await figures(scheme.id)).toEqual([
        [3, null, null, 0n],
        [5, null, null, null],
      ]);
    });
  });

  describe("bad input", () => {
    it("reports every bad field at once and writes nothing", async () => {
      const scheme = await newScheme();
      const result = await writesNothing(() =>
        submit(
          lead,
          form(scheme.id, {
            actual: "1e5",
            "forecast.5": "1.001",
            "forecast.6": "-3",
            "forecast.7": "Infinity",
            rag: "PURPLE",
            commentary: "   ",
          }),
        ),
      );
      expectFieldErrors(result, "VALIDATION", {
        actual: /"1e5" is not an amount of money/,
        "forecast.5": /^Forecast M5 Aug: "1.001" has too many decimal places/,
        "forecast.6": /^Forecast M6 Sep: A saving cannot be negative/,
        "forecast.7": /^Forecast M7 Oct: "Infinity" is not an amount/,
        rag: "Choose red, amber or green",
        commentary: "Enter a commentary",
      });
    });

    it.each([
      [{ actual: undefined }, "actual", "Enter the actual saving for the month"],
      [{ actual: "" }, "actual", /Enter the actual saving for the month/],
      [{ actual: "-1" }, "actual", /cannot be negative/],
      [{ actual: "NaN" }, "actual", /not an amount/],
      [{ actual: "1.999" }, "actual", /too many decimal places/],
      [{ commentary: "x".repeat(4001) }, "commentary", "A commentary must be 4000 characters or fewer"],
      [{ rag: undefined }, "rag", "Choose red, amber or green"],
      [{ month: "13" }, "month", /M1 \(April\) to M12 \(March\)/],
      [{ month: "two" }, "month", "Choose a month"],
    ])("refuses %j", async (overrides, field, message) => {
      const scheme = await newScheme();
      expectFieldErrors(await writesNothing(() => submit(lead, form(scheme.id, overrides))), "VALIDATION", {
        [field]: message,
      });
    });

    it("accepts a commentary of exactly 4000 characters", async () => {
      const scheme = await newScheme();
      expect(await submit(lead, form(scheme.id, { commentary: "x".repeat(4000) }))).toMatchObject({ ok: true });
    });

    it("refuses an update for a month that has not started", async () => {
      const scheme = await newScheme();
      expectFieldErrors(await writesNothing(() => submit(lead, form(scheme.id, { month: "5" }))), "INVALID", {
        actual: "M5 Aug 2025/26 has not started yet: its update is due once the month is over",
      });
    });

    it("refuses a stale version and writes nothing", async () => {
      const scheme = await newScheme();
      expect(await submit(lead, form(scheme.id))).toMatchObject({ ok: true });
      expect(await writesNothing(() => submit(finance, form(scheme.id, { actual: "1" })))).toMatchObject({
        ok: false,
        code: "STALE",
      });
    });
  });

  describe("a closed month (2025/26 M1)", () => {
    let schemeId: string;
    const m1 = (actor: Actor, version: number, overrides: Record<string, unknown> = {}) =>
      submit(actor, form(schemeId, { month: "1", version: String(version), ...overrides }));

    beforeAll(async () => {
      schemeId = (await newScheme()).id;
      await setMonthRows(schemeId, 2025, [{ month: 1, actual: 500_000n }]);
      await closeMonthRow(w.trustId, 2025, 1, finance.userId);
    });

    it("refuses the lead a changed actual", async () => {
      expectFieldErrors(await writesNothing(() => m1(lead, 1, { actual: "5,000.01" })), "INVALID", {
        actual: "M1 Apr 2025/26 is closed: only finance can change its actual",
      });
    });

    it("takes the lead's commentary and forecasts when the actual is unchanged", async () => {
      expect(await m1(lead, 1, { actual: "5,000", "forecast.2": "10" })).toMatchObject({
        ok: true,
        data: { version: 2 },
      });
    });

    it("refuses finance without a reason", async () => {
      expectFieldErrors(await writesNothing(() => m1(finance, 2, { actual: "4,000" })), "INVALID", {
        actual: "M1 Apr 2025/26 is closed: give a reason for changing its actual",
        reason: /Give a reason/,
      });
    });

    it("accepts finance with a reason and audits it", async () => {
      const lastId = await lastAuditId();
      expect(await m1(finance, 2, { actual: "4,000", reason: "Ledger correction" })).toMatchObject({
        ok: true,
        data: { version: 3 },
      });
      expect((await figures(schemeId))[0]).toEqual([1, null, null, 400_000n]);
      const [event] = await auditEventsAfter(lastId);
      expect(event).toMatchObject({
        actorId: finance.userId,
        before: { months: [{ month: 1, actual: 500_000 }] },
        after: { reason: "Ledger correction", months: [{ month: 1, actual: 400_000 }] },
      });
    });
  });
});
