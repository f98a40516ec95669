import { beforeAll, describe, expect, it } from "vitest";
import { closePeriod } from "@/modules/schemes/financials/close-period";
import {
  closePeriodSchema,
  saveSchemeMonthsSchema,
  setSavingsTargetSchema,
  submitMonthlyUpdateSchema,
} from "@/modules/schemes/financials/financials-schemas";
import { saveSchemeMonths } from "@/modules/schemes/financials/save-scheme-months";
import { setSavingsTarget } from "@/modules/schemes/financials/set-savings-target";
import { submitMonthlyUpdate } from "@/modules/schemes/financials/submit-monthly-update";
import { createSchemeSchema, updateSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { createScheme, updateScheme } from "@/modules/schemes/scheme-writes";
import { db } from "@/server/db";
import {
  NOW,
  SCHEME_ACTORS,
  checkSchemeCell,
  createSchemeRow,
  createSchemeWorld,
  schemeForm,
  schemeOutcomes,
  schemeState,
  type SchemeMatrixSpec,
  type SchemeWorld,
} from "../factories/schemes";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may write what about schemes. Creating: finance and leads of the organisation (a lead
 * only as the scheme's lead). Changing a scheme or its figures: finance of its organisation
 * (a system-wide ICB role included) and its own lead. Closing months and setting targets:
 * finance only. People who cannot see the scheme get NOT_FOUND; nobody else writes anything.
 */

let w: SchemeWorld;

const EDIT = schemeOutcomes(
  ["FINANCE at the trust", "LEAD at the trust, the scheme's lead", "FINANCE at the ICB, system-wide"],
  {
    "FINANCE at another trust of the system": "NOT_FOUND",
    "FINANCE at another system's ICB, system-wide": "NOT_FOUND",
  },
);
const FINANCE_ONLY = schemeOutcomes(["FINANCE at the trust", "FINANCE at the ICB, system-wide"]);

const newScheme = () => createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });

const createSpec: SchemeMatrixSpec = {
  name: "createScheme (naming the lead)",
  // A lead may only create schemes they lead themselves: naming another is a field error.
  expected: schemeOutcomes(
    ["FINANCE at the trust", "LEAD at the trust, the scheme's lead", "FINANCE at the ICB, system-wide"],
    {
      "LEAD at the trust, not the scheme's lead": "INVALID",
    },
  ),
  action: "scheme.create",
  entityType: "scheme",
  changes: { scheme: 1, audit_event: 1 },
  prepare: async () => {
    const raw = schemeForm(w.trustId, { leadId: w.leadId });
    return {
      raw,
      organisationId: w.trustId,
      snapshot: () => db().scheme.count({ where: { organisationId: w.trustId } }),
      verify: async (id) => {
        expect(await db().scheme.findUniqueOrThrow({ where: { id } })).toMatchObject({
          title: raw.title,
          leadId: w.leadId,
          type: "CIP",
          stage: "OPPORTUNITY",
          version: 1,
          fullYearEffectPence: 45_000_000n,
          inYearValuePence: 30_000_050n,
        });
      },
    };
  },
  run: (actor, raw) =>
    runAction(createSchemeSchema, async (a, input) => ({ entityId: (await createScheme(a, input)).id }), actor, raw),
};

const updateSpec: SchemeMatrixSpec = {
  name: "updateScheme",
  expected: EDIT,
  action: "scheme.update",
  entityType: "scheme",
  changes: { audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    const { organisationId: _org, ...form } = schemeForm(w.trustId, { title: "Renamed scheme", leadId: w.leadId });
    void _org;
    return {
      raw: { ...form, schemeId: scheme.id, version: "1" },
      organisationId: w.trustId,
      snapshot: () => schemeState(scheme.id),
      verify: async () => {
        expect(await db().scheme.findUniqueOrThrow({ where: { id: scheme.id } })).toMatchObject({
          title: "Renamed scheme",
          version: 2,
        });
      },
    };
  },
  run: (actor, raw) =>
    runAction(updateSchemeSchema, async (a, input) => ({ entityId: (await updateScheme(a, input)).id }), actor, raw),
};

const gridSpec: SchemeMatrixSpec = {
  name: "saveSchemeMonths",
  expected: EDIT,
  action: "scheme.financials.save",
  entityType: "scheme",
  changes: { scheme_month: 2, audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    return {
      raw: {
        schemeId: scheme.id,
        version: "1",
        financialYear: "2025/26",
        "plan.1": "1,000",
        "actual.1": "900.10",
        "forecast.12": "5",
      },
      organisationId: w.trustId,
      snapshot: () => schemeState(scheme.id),
      verify: async () => {
        const after = await schemeState(scheme.id);
        expect(after.version).toBe(2);
        expect(after.months.map((m) => [m.month, m.planPence, m.forecastPence, m.actualPence])).toEqual([
          [1, 100_000n, null, 90_010n],
          [12, null, 500n, null],
        ]);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      saveSchemeMonthsSchema,
      async (a, input) => ({ entityId: (await saveSchemeMonths(a, input, NOW)).schemeId }),
      actor,
      raw,
    ),
};

const updateFormSpec: SchemeMatrixSpec = {
  name: "submitMonthlyUpdate",
  expected: EDIT,
  action: "scheme.monthly-update.submit",
  entityType: "scheme",
  changes: { scheme_month: 2, monthly_update: 1, audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    return {
      raw: {
        schemeId: scheme.id,
        version: "1",
        financialYear: "2025/26",
        month: "3",
        actual: "1,200.50",
        "forecast.4": "1000",
        rag: "AMBER",
        commentary: "Bank fill rate up",
      },
      organisationId: w.trustId,
      snapshot: () => schemeState(scheme.id),
      verify: async (_id, actor) => {
        const after = await schemeState(scheme.id);
        expect(after).toMatchObject({ version: 2, rag: "AMBER" });
        expect(after.months.map((m) => [m.month, m.forecastPence, m.actualPence])).toEqual([
          [3, null, 120_050n],
          [4, 100_000n, null],
        ]);
        expect(after.updates).toMatchObject([
          { financialYear: 2025, month: 3, rag: "AMBER", commentary: "Bank fill rate up", submittedById: actor.userId },
        ]);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      submitMonthlyUpdateSchema,
      async (a, input) => ({ entityId: (await submitMonthlyUpdate(a, input, NOW)).schemeId }),
      actor,
      raw,
    ),
};

// Each allowed run closes a different month of 2024/25 (all ended by NOW).
let nextMonth = 0;
const closeSpec: SchemeMatrixSpec = {
  name: "closePeriod",
  expected: FINANCE_ONLY,
  action: "period.close",
  entityType: "period",
  changes: { period_close: 1, audit_event: 1 },
  prepare: async () => {
    const month = (nextMonth += 1);
    return {
      raw: { organisationId: w.trustId, financialYear: "2024/25", month: String(month) },
      organisationId: w.trustId,
      snapshot: () => db().periodClose.findMany({ where: { organisationId: w.trustId } }),
      verify: async (entityId, actor) => {
        expect(entityId).toBe(`${w.trustId}:2024:${month}`);
        expect(await db().periodClose.findMany({ where: { organisationId: w.trustId, month } })).toMatchObject([
          { financialYear: 2024, closedById: actor.userId },
        ]);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      closePeriodSchema,
      async (a, input) => {
        const closed = await closePeriod(a, input, NOW);
        return { entityId: `${closed.organisationId}:${closed.financialYear}:${closed.month}` };
      },
      actor,
      raw,
    ),
};

// Past years: each cell its own year, all inside the service's year range (2010/11 onwards).
let nextYear = 2010;
const targetSpec: SchemeMatrixSpec = {
  name: "setSavingsTarget",
  expected: FINANCE_ONLY,
  action: "savings-target.set",
  entityType: "organisation",
  changes: { savings_target: 1, audit_event: 1 },
  prepare: async () => {
    const year = (nextYear += 1);
    return {
      raw: { organisationId: w.trustId, financialYear: `${year}/${String(year + 1).slice(2)}`, target: "24,500,000" },
      organisationId: w.trustId,
      snapshot: () => db().savingsTarget.findMany({ where: { organisationId: w.trustId } }),
      verify: async () => {
        expect(
          await db().savingsTarget.findUnique({
            where: {
              organisationId_financialYear_programmeType: {
                organisationId: w.trustId,
                financialYear: year,
                programmeType: "CIP",
              },
            },
          }),
        ).toMatchObject({
          targetPence: 2_450_000_000n,
        });
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      setSavingsTargetSchema,
      async (a, input) => ({ entityId: (await setSavingsTarget(a, input)).organisationId }),
      actor,
      raw,
    ),
};

describe("scheme writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  describe.each([createSpec, updateSpec, gridSpec, updateFormSpec, closeSpec, targetSpec])("$name", (spec) => {
    it.each(SCHEME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
      await checkSchemeCell(spec, w.actors[key], expected);
    });
  });

  it("lets a lead hand nothing to another lead, but finance can name any lead of the organisation", async () => {
    const other = w.actors["LEAD at the trust, not the scheme's lead"];
    const scheme = await newScheme();
    const { organisationId: _org, ...form } = schemeForm(w.trustId, { leadId: other.userId });
    void _org;
    const raw = { ...form, schemeId: scheme.id, version: "1" };
    expect(
      await runAction(updateSchemeSchema, updateScheme, w.actors["LEAD at the trust, the scheme's lead"], raw),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { leadId: ["Only finance or the PMO can hand a scheme to another lead"] },
    });
    expect(await runAction(updateSchemeSchema, updateScheme, w.actors["FINANCE at the trust"], raw)).toMatchObject({
      ok: true,
      data: { leadId: other.userId },
    });
  });

  it("answers NOT_FOUND for a scheme id that does not exist", async () => {
    const raw = {
      schemeId: "00000000-0000-4000-8000-000000000000",
      version: "1",
      financialYear: "2025/26",
      "plan.1": "1",
    };
    expect(
      await runAction(saveSchemeMonthsSchema, saveSchemeMonths, w.actors["FINANCE at the trust"], raw),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
