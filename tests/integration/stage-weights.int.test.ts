import { beforeAll, describe, expect, it } from "vitest";
import { findStageWeights, setStageWeights, setStageWeightsSchema } from "@/modules/schemes/financials/stage-weights";
import { db } from "@/server/db";
import { createSchemeWorld, expectFieldErrors, writesNothing, type SchemeWorld } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Risk-adjustment weights by stage: DESIGN.md's defaults, overridden per organisation by finance. */

let w: SchemeWorld;
const weights = {
  OPPORTUNITY: "20",
  PLANNING: "60",
  DELIVERY: "85",
  COMPLETE: "100",
  ON_HOLD: "0",
  REJECTED: "0",
  WITHDRAWN: "0",
};
const set = (raw: Record<string, unknown>, actor: Parameters<typeof setStageWeights>[0]) =>
  runAction(setStageWeightsSchema, setStageWeights, actor, raw);

describe("stage weights", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  it("uses DESIGN.md's defaults until finance overrides them", async () => {
    expect(await findStageWeights(w.trustId)).toMatchObject({
      OPPORTUNITY: 25,
      PLANNING: 50,
      DELIVERY: 90,
      COMPLETE: 100,
    });
  });

  it.each([
    "LEAD at the trust, the scheme's lead",
    "BOARD at the trust",
    "CLINICAL_APPROVER at the trust",
    "ADMIN at the trust",
  ] as const)("refuses %s and writes nothing", async (who) => {
    const result = await writesNothing(() => set({ organisationId: w.trustId, ...weights }, w.actors[who]));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().stageWeight.count({ where: { organisationId: w.trustId } })).toBe(0);
  });

  it.each([
    ["101", "The planning weight must be between 0% and 100%"],
    ["-1", "The planning weight must be between 0% and 100%"],
    ["12.5", "Enter the planning weight as a whole percentage"],
    ["lots", "Enter the planning weight as a whole percentage"],
  ])("refuses a planning weight of %j with a message on that field", async (planning, message) => {
    const result = await writesNothing(() =>
      set({ organisationId: w.trustId, ...weights, PLANNING: planning }, w.actors["FINANCE at the trust"]),
    );
    expectFieldErrors(result, "VALIDATION", { PLANNING: message });
  });

  it("lets finance set every stage's weight in one audited change", async () => {
    const lastId = await lastAuditId();
    expect(await set({ organisationId: w.trustId, ...weights }, w.actors["FINANCE at the trust"])).toMatchObject({
      ok: true,
    });
    expect(await findStageWeights(w.trustId)).toEqual({
      OPPORTUNITY: 20,
      PLANNING: 60,
      DELIVERY: 85,
      COMPLETE: 100,
      ON_HOLD: 0,
      REJECTED: 0,
      WITHDRAWN: 0,
    });
    const events = await auditEventsAfter(lastId);
    expect(events).toMatchObject([
      { action: "stage-weights.set", entityId: w.trustId, actorId: w.actors["FINANCE at the trust"].userId },
    ]);
    expect(events[0]?.before).toMatchObject({ PLANNING: 50 });
    expect(events[0]?.after).toMatchObject({ PLANNING: 60 });
  });
});
