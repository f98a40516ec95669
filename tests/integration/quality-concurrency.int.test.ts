import { beforeAll, describe, expect, it } from "vitest";
import { saveQiaScreeningSchema, signQiaSchema } from "@/modules/quality/quality-schemas";
import { saveQiaScreening } from "@/modules/quality/save-qia-screening";
import { signQia } from "@/modules/quality/sign-qia";
import { saveEiaScreeningSchema } from "@/modules/quality/equality-schemas";
import { saveEiaScreening } from "@/modules/quality/save-eia-screening";
import { db } from "@/server/db";
import {
  createEiaRow,
  createQiaRow,
  createQualityWorld,
  eiaScreeningForm,
  newScheme,
  screeningForm,
  type QualityWorld,
} from "../factories/quality";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Two signatories signing at the same moment are both recorded and the QIA is approved exactly
 * once; two edits of the same version: one wins, the other is STALE.
 */

let w: QualityWorld;

describe("QIA and EIA concurrency", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("records medical and nursing signatures made at the same moment and approves once", async () => {
    for (let round = 0; round < 3; round++) {
      const scheme = await newScheme(w);
      const qia = await createQiaRow({
        schemeId: scheme.id,
        createdById: w.leadId,
        screening: "full",
        fullDetails: true,
        status: "AWAITING_SIGN_OFF",
      });
      const last = await lastAuditId();
      const results = await Promise.all([
        runAction(signQiaSchema, signQia, w.actors["MEDICAL approver at the trust"], {
          assessmentId: qia.id,
          version: "1",
          capacity: "MEDICAL",
          outcome: "APPROVED",
        }),
        runAction(signQiaSchema, signQia, w.actors["NURSING approver at the trust"], {
          assessmentId: qia.id,
          version: "1",
          capacity: "NURSING",
          outcome: "APPROVED",
        }),
      ]);
      expect(
        results.every((r) => r.ok),
        JSON.stringify(results),
      ).toBe(true);
      const statuses = results.map((r) => (r.ok ? r.data.status : null)).sort();
      expect(statuses).toEqual(["APPROVED", "AWAITING_SIGN_OFF"]);
      expect(
        await db().qualityAssessment.findUniqueOrThrow({ where: { id: qia.id }, include: { signOffs: true } }),
      ).toMatchObject({ status: "APPROVED", signOffs: [{}, {}] });
      const events = await auditEventsAfter(last);
      expect(events.map((e) => (e.after as { status: string }).status).sort()).toEqual([
        "APPROVED",
        "AWAITING_SIGN_OFF",
      ]);
    }
  });

  it("lets only one of two signatories in the same capacity sign", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const results = await Promise.all(
      (["MEDICAL approver at the trust", "CLINICAL_APPROVER at the trust"] as const).map((key) =>
        runAction(signQiaSchema, signQia, w.actors[key], {
          assessmentId: qia.id,
          version: "1",
          capacity: "MEDICAL",
          outcome: "APPROVED",
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/medical sign-off of this version has already been given/),
    });
  });

  it("accepts one of two screening saves of the same version; the other is STALE", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId });
    const [a, b] = await Promise.all([
      runAction(
        saveQiaScreeningSchema,
        saveQiaScreening,
        w.actors["FINANCE at the trust"],
        await screeningForm(qia.id, 1, undefined, "low"),
      ),
      runAction(
        saveQiaScreeningSchema,
        saveQiaScreening,
        w.actors["LEAD at the trust, the scheme's lead"],
        await screeningForm(qia.id, 1, undefined, "full"),
      ),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "STALE" });
    expect(await db().qualityAssessment.findUniqueOrThrow({ where: { id: qia.id } })).toMatchObject({ version: 2 });
  });

  it("accepts one of two EIA screening saves of the same version", async () => {
    const scheme = await newScheme(w);
    const eia = await createEiaRow({ schemeId: scheme.id });
    const results = await Promise.all([
      runAction(
        saveEiaScreeningSchema,
        saveEiaScreening,
        w.actors["FINANCE at the trust"],
        eiaScreeningForm(eia.id, 1),
      ),
      runAction(
        saveEiaScreeningSchema,
        saveEiaScreening,
        w.actors["FINANCE at the ICB, system-wide"],
        eiaScreeningForm(eia.id, 1, ["RACE"]),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "STALE" });
  });
});
