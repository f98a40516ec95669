import { beforeAll, describe, expect, it } from "vitest";
import { findRisks, getRisk } from "@/modules/risks/find-risks";
import { riskQuerySchema } from "@/modules/risks/risk-filter";
import { createRiskSchema, updateRiskSchema } from "@/modules/risks/risk-schemas";
import { createRisk, updateRisk } from "@/modules/risks/risk-writes";
import { db } from "@/server/db";
import { createProgrammeRow } from "../factories/programmes";
import { riskForm } from "../factories/risks";
import { createSchemeRow, createSchemeWorld, type SchemeActorKey, type SchemeWorld } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Risk registers on schemes: who may raise and change them, scoping, the register filter, and one register per risk. */

let w: SchemeWorld;
let schemeId: string;

/** A risk form for the scheme's register (no programme). */
const schemeRiskForm = (ownerId: string, overrides: Record<string, unknown> = {}) => ({
  ...riskForm("", ownerId, overrides),
  programmeId: undefined,
  schemeId,
  ...overrides,
});
const raise = (who: SchemeActorKey, ownerId: string, overrides: Record<string, unknown> = {}) =>
  runAction(createRiskSchema, createRisk, w.actors[who], schemeRiskForm(ownerId, overrides));

describe("risks on a scheme's register", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    schemeId = (await createSchemeRow({ organisationId: w.trustId, leadId: w.leadId })).id;
  });

  it.each([
    ["FINANCE at the trust", true],
    ["LEAD at the trust, the scheme's lead", true],
    ["FINANCE at the ICB, system-wide", true],
    ["BOARD at the trust", false],
    ["CLINICAL_APPROVER at the trust", false],
    ["ADMIN at the trust", false],
  ] as const)("%s raising a risk they own: allowed = %s", async (who, allowed) => {
    const actor = w.actors[who];
    const before = await rowCounts();
    const lastId = await lastAuditId();
    const result = await raise(who, actor.userId);
    if (allowed) {
      expect(result).toMatchObject({ ok: true });
      const risk = await db().risk.findFirstOrThrow({ where: { schemeId }, orderBy: { createdAt: "desc" } });
      expect(risk).toMatchObject({
        schemeId,
        programmeId: null,
        workstreamId: null,
        ownerId: actor.userId,
        currentScore: 9,
      });
      expect(await auditEventsAfter(lastId)).toMatchObject([
        { action: "risk.create", entityId: risk.id, organisationId: w.trustId, actorId: actor.userId },
      ]);
    } else {
      expect(result).toMatchObject({ ok: false });
      expect(await rowCounts()).toEqual(before);
      expect(await auditEventsAfter(lastId)).toEqual([]);
    }
  });

  it("hides the scheme from other trusts and systems: NOT_FOUND, nothing written", async () => {
    for (const who of [
      "FINANCE at another trust of the system",
      "FINANCE at another system's ICB, system-wide",
    ] as const) {
      const before = await rowCounts();
      expect(await raise(who, w.actors[who].userId)).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await rowCounts()).toEqual(before);
    }
  });

  it("needs exactly one register, and no workstream for a scheme's risk", async () => {
    const programmeId = (await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId })).id;
    const finance = w.actors["FINANCE at the trust"].userId;
    expect(await raise("FINANCE at the trust", finance, { programmeId })).toMatchObject({
      ok: false,
      fieldErrors: { programmeId: ["Choose the register: a programme or a scheme"] },
    });
    expect(
      await runAction(createRiskSchema, createRisk, w.actors["FINANCE at the trust"], {
        ...riskForm("", finance),
        programmeId: undefined,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { programmeId: ["Choose the register: a programme or a scheme"] },
    });
    // The database holds the same rule.
    await expect(
      db().$executeRaw`UPDATE risk SET programme_id = ${programmeId}::uuid WHERE scheme_id = ${schemeId}::uuid`,
    ).rejects.toThrow(/risk_one_register/);
  });

  it("lets the scheme lead change their own risk but not another's, and lists risks by scheme", async () => {
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const finance = w.actors["FINANCE at the trust"];
    const mine = await db().risk.findFirstOrThrow({ where: { schemeId, ownerId: lead.userId } });
    const theirs = await db().risk.findFirstOrThrow({ where: { schemeId, ownerId: finance.userId } });
    const form = (risk: typeof mine) => ({
      ...riskForm("", risk.ownerId),
      programmeId: undefined,
      riskId: risk.id,
      version: String(risk.version),
      currentLikelihood: "4",
      currentConsequence: "4",
      targetLikelihood: "2",
      targetConsequence: "4",
    });
    expect(await runAction(updateRiskSchema, updateRisk, lead, form(mine))).toMatchObject({ ok: true });
    expect((await getRisk(lead, mine.id)).currentScore).toBe(16);
    expect(await runAction(updateRiskSchema, updateRisk, lead, form(theirs))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    const register = await findRisks(finance, riskQuerySchema.parse({ scheme: schemeId }));
    expect(register.total).toBe(3);
    expect(register.rows.every((r) => r.scheme?.id === schemeId && r.programme === null)).toBe(true);
    expect((await findRisks(finance, riskQuerySchema.parse({ level: "scheme" }))).total).toBe(3);
    expect((await findRisks(finance, riskQuerySchema.parse({ organisation: w.trustId }))).total).toBe(3);
    expect(
      (await findRisks(w.actors["FINANCE at another trust of the system"], riskQuerySchema.parse({ scheme: schemeId })))
        .total,
    ).toBe(0);
  });
});
