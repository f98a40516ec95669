import { beforeAll, describe, expect, it } from "vitest";
import { findRisks, getRisk } from "@/modules/risks/find-risks";
import { riskQuerySchema } from "@/modules/risks/risk-filter";
import { createRiskSchema, updateRiskSchema } from "@/modules/risks/risk-schemas";
import { riskBand } from "@/modules/risks/risk-scoring";
import { createRisk, updateRisk } from "@/modules/risks/risk-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createSystemWithOrganisations } from "../factories";
import { createProgrammeRow } from "../factories/programmes";
import { riskForm, riskUpdateForm } from "../factories/risks";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Score and band are always derived from likelihood x consequence, and every rescoring is kept as the trend. */

let finance: Actor;
let programmeId: string;

describe("risk scoring through the writes", () => {
  useTestDatabase();

  beforeAll(async () => {
    const ours = await createSystemWithOrganisations({ trusts: 1 });
    const trustId = ours.trusts[0]!.id;
    finance = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
    programmeId = (await createProgrammeRow({ systemId: ours.system.id, organisationId: trustId })).id;
  });

  it("derives score and band on every save and keeps the trend in order", async () => {
    // A forged score in the form is not part of the schema and is ignored.
    const raw = riskForm(programmeId, finance.userId, {
      currentLikelihood: "2",
      currentConsequence: "3",
      targetLikelihood: "1",
      currentScore: "25",
    });
    const created = await runAction(createRiskSchema, createRisk, finance, raw);
    expect(created).toMatchObject({ ok: true, data: { currentScore: 6, targetScore: 2 } });
    if (!created.ok) return;
    expect(riskBand(created.data.currentScore).key).toBe("moderate");

    const save = async (likelihood: string, consequence: string) => {
      const risk = await db().risk.findUniqueOrThrow({ where: { id: created.data.id } });
      const result = await runAction(
        updateRiskSchema,
        updateRisk,
        finance,
        riskUpdateForm(risk, { currentLikelihood: likelihood, currentConsequence: consequence }),
      );
      expect(result).toMatchObject({ ok: true });
      return db().risk.findUniqueOrThrow({ where: { id: risk.id } });
    };

    const extreme = await save("4", "4");
    expect(extreme).toMatchObject({
      currentLikelihood: 4,
      currentConsequence: 4,
      currentScore: 16,
      targetScore: 2,
      version: 2,
    });
    expect(riskBand(extreme.currentScore)).toMatchObject({ key: "extreme", label: "Extreme" });
    const register = (band: string) => findRisks(finance, riskQuerySchema.parse({ programme: programmeId, band }));
    expect((await register("extreme")).rows.map((r) => r.id)).toEqual([extreme.id]);

    const high = await save("3", "3");
    expect(high).toMatchObject({ currentScore: 9, version: 3 });
    expect(riskBand(high.currentScore)).toMatchObject({ key: "high", label: "High" });
    expect((await register("extreme")).total).toBe(0);
    expect((await register("high")).rows.map((r) => r.id)).toEqual([high.id]);

    const detail = await getRisk(finance, high.id);
    expect(detail.scoreChanges.map((c) => [c.currentLikelihood, c.currentConsequence, c.currentScore])).toEqual([
      [2, 3, 6],
      [4, 4, 16],
      [3, 3, 9],
    ]);
    expect(detail.scoreChanges.every((c) => c.changedBy?.name === finance.name)).toBe(true);
  });
});
