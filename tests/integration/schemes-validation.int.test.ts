import { beforeAll, describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/form-fields";
import { createSchemeSchema, updateSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { createScheme, updateScheme } from "@/modules/schemes/scheme-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createOrganisation, createUser } from "../factories";
import { createSchemeRow, createSchemeWorld, schemeForm, schemeState, type SchemeWorld } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Bad input to createScheme / updateScheme gets a clear message on the field at fault and
 * writes nothing; reference codes are sequential per organisation, QIPP at an ICB, and never
 * clash under concurrent creates.
 */

let w: SchemeWorld;
let finance: Actor;

async function writesNothing<T>(attempt: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const counts = await rowCounts();
  const lastId = await lastAuditId();
  const schemes = await db().scheme.findMany({ orderBy: { id: "asc" } });
  const result = await attempt();
  expect(await rowCounts()).toEqual(counts);
  expect(await auditEventsAfter(lastId)).toEqual([]);
  expect(await db().scheme.findMany({ orderBy: { id: "asc" } })).toEqual(schemes);
  return result;
}

function expectFieldError(result: ActionResult<unknown>, code: string, field: string, message: string | RegExp) {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) return;
  expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(result.fieldErrors)).toEqual([field]);
  expect(result.fieldErrors?.[field]?.[0]).toMatch(message);
}

const create = (overrides: Record<string, unknown>, actor = finance) =>
  writesNothing(() => runAction(createSchemeSchema, createScheme, actor, schemeForm(w.trustId, overrides)));

describe("scheme create and update", () => {
  useTestDatabase();

  describe("scheme writes: validation", () => {
    beforeAll(async () => {
      w = await createSchemeWorld();
      finance = w.actors["FINANCE at the trust"];
    });

    describe("money", () => {
      it.each([
        ["fullYearEffect", "1,000.123", /too many decimal places/],
        ["inYearValue", "12.345", /too many decimal places/],
        ["fullYearEffect", "-5", /cannot be negative/],
        ["inYearValue", "(1,000)", /cannot be negative/],
        ["fullYearEffect", "1e5", /"1e5" is not an amount of money/],
        ["fullYearEffect", "NaN", /"NaN" is not an amount of money/],
        ["inYearValue", "Infinity", /"Infinity" is not an amount of money/],
        ["inYearValue", "-Infinity", /not an amount of money/],
        ["fullYearEffect", "", /Enter the full-year effect/],
        ["fullYearEffect", "20,000,000,000", /too large/],
      ])("%s = %j is refused", async (field, value, message) => {
        expectFieldError(await create({ [field]: value }), "VALIDATION", field, message);
      });
    });

    it("refuses a scheme without recurrence", async () => {
      expectFieldError(
        await create({ recurrent: undefined }),
        "VALIDATION",
        "recurrent",
        "Say whether the saving is recurrent",
      );
      expectFieldError(
        await create({ recurrent: "maybe" }),
        "VALIDATION",
        "recurrent",
        "Say whether the saving is recurrent",
      );
    });

    it("refuses a null byte or another control character in a title or description, on the field, writing nothing", async () => {
      expectFieldError(await create({ title: "abc\u0000def" }), "VALIDATION", "title", CONTROL_CHARACTER_MESSAGE);
      expectFieldError(
        await create({ description: "Line one\nline\u001btwo" }),
        "VALIDATION",
        "description",
        CONTROL_CHARACTER_MESSAGE,
      );
      // Tabs and line breaks are text.
      const kept = await runAction(
        createSchemeSchema,
        createScheme,
        finance,
        schemeForm(w.trustId, { description: "Line one\r\n\tline two" }),
      );
      expect(kept).toMatchObject({ ok: true, data: { description: "Line one\r\n\tline two" } });
    });

    it("refuses WTE with more than two decimal places", async () => {
      expectFieldError(await create({ wteBank: "1.005" }), "VALIDATION", "wteBank", /at most 2 decimal places/);
    });

    it("refuses a lead from another organisation", async () => {
      const outsider = await createUser({ roles: [{ organisationId: w.otherTrustId, role: "LEAD" }] });
      expectFieldError(
        await create({ leadId: outsider.id }),
        "INVALID",
        "leadId",
        "Choose a lead who holds the lead or finance role at this organisation",
      );
    });

    it("refuses a lead who holds no lead or finance role here", async () => {
      expectFieldError(
        await create({ leadId: w.actors["BOARD at the trust"].userId }),
        "INVALID",
        "leadId",
        /lead or finance role/,
      );
    });

    it("refuses a division of another organisation", async () => {
      expectFieldError(
        await create({ divisionId: w.otherDivisionId }),
        "INVALID",
        "divisionId",
        "Choose a division of this organisation",
      );
    });

    it("accepts its own division", async () => {
      const result = await runAction(
        createSchemeSchema,
        createScheme,
        finance,
        schemeForm(w.trustId, { divisionId: w.divisionId }),
      );
      expect(result).toMatchObject({ ok: true, data: { divisionId: w.divisionId } });
    });

    it("refuses an edit of a stale version, leaving the newer one", async () => {
      const scheme = await createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
      const { organisationId: _org, ...form } = schemeForm(w.trustId, { title: "First edit" });
      void _org;
      expect(
        await runAction(updateSchemeSchema, updateScheme, finance, { ...form, schemeId: scheme.id, version: "1" }),
      ).toMatchObject({ ok: true });
      const before = await schemeState(scheme.id);
      const result = await writesNothing(() =>
        runAction(updateSchemeSchema, updateScheme, finance, {
          ...form,
          title: "Second edit",
          schemeId: scheme.id,
          version: "1",
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "STALE",
        message: expect.stringMatching(/changed by someone else/),
      });
      expect(await schemeState(scheme.id)).toEqual(before);
      expect(before).toMatchObject({ title: "First edit", version: 2 });
    });

    it("refuses an update with money errors on each field", async () => {
      const scheme = await createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
      const { organisationId: _org, ...form } = schemeForm(w.trustId, { fullYearEffect: "1.001", inYearValue: "-1" });
      void _org;
      const result = await writesNothing(() =>
        runAction(updateSchemeSchema, updateScheme, finance, { ...form, schemeId: scheme.id, version: "1" }),
      );
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["fullYearEffect", "inYearValue"]);
    });
  });

  describe("scheme reference codes", () => {
    it("numbers schemes one after another per organisation: XXX-CIP-0001, -0002, -0003", async () => {
      const trust = await createOrganisation();
      const actor = await createActor([{ organisationId: trust.id, role: "FINANCE" }]);
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const result = await runAction(createSchemeSchema, createScheme, actor, schemeForm(trust.id));
        if (!result.ok) throw new Error(JSON.stringify(result));
        codes.push(result.data.code);
      }
      expect(codes).toEqual([`${trust.code}-CIP-0001`, `${trust.code}-CIP-0002`, `${trust.code}-CIP-0003`]);
    });

    it("makes a QIPP scheme at an ICB", async () => {
      const icb = await createOrganisation({ type: "ICB" });
      const actor = await createActor([{ organisationId: icb.id, role: "LEAD" }]);
      const result = await runAction(createSchemeSchema, createScheme, actor, schemeForm(icb.id));
      expect(result).toMatchObject({
        ok: true,
        data: { type: "QIPP", code: `${icb.code}-QIPP-0001`, leadId: actor.userId },
      });
    });

    it("gives 10 concurrent creates at one organisation 10 distinct, consecutive codes", async () => {
      const trust = await createOrganisation();
      const actor = await createActor([{ organisationId: trust.id, role: "FINANCE" }]);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => runAction(createSchemeSchema, createScheme, actor, schemeForm(trust.id))),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const codes = results.flatMap((r) => (r.ok ? [r.data.code] : [])).sort();
      expect(codes).toEqual(
        Array.from({ length: 10 }, (_, i) => `${trust.code}-CIP-${String(i + 1).padStart(4, "0")}`),
      );
      expect(await db().auditEvent.count({ where: { action: "scheme.create", organisationId: trust.id } })).toBe(10);
    });
  });
});
