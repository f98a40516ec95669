import { beforeAll, describe, expect, it } from "vitest";
import {
  saveFullQiaSchema,
  saveQiaScreeningSchema,
  signQiaSchema,
  qiaVersionSchema,
  startQiaSchema,
} from "@/modules/quality/quality-schemas";
import { saveFullQia } from "@/modules/quality/save-full-qia";
import { saveQiaScreening } from "@/modules/quality/save-qia-screening";
import { signQia } from "@/modules/quality/sign-qia";
import { startQia } from "@/modules/quality/start-qia";
import { submitQiaForSignOff } from "@/modules/quality/submit-qia";
import { createActor } from "../factories";
import {
  activeDimensions,
  createQiaRow,
  createQualityWorld,
  newScheme,
  qualityState,
  screeningForm,
  type QualityWorld,
} from "../factories/quality";
import { expectFieldErrors } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Bad input is refused with a message per field (or a clear one for the whole action) and writes nothing. */

let w: QualityWorld;

async function writesNothing<T>(schemeId: string, attempt: () => Promise<ActionResult<T>>) {
  const [counts, state, last] = await Promise.all([rowCounts(), qualityState(schemeId), lastAuditId()]);
  const result = await attempt();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(await rowCounts()).toEqual(counts);
  expect(await qualityState(schemeId)).toEqual(state);
  expect(await auditEventsAfter(last)).toEqual([]);
  return result;
}

describe("QIA validation", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("refuses likelihood 0 or 6, NaN, a missing impact, and names each field", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId });
    const [a, b, c] = await activeDimensions();
    const raw = {
      ...(await screeningForm(qia.id, 1)),
      [`likelihood.${a!.id}`]: "0",
      [`consequence.${a!.id}`]: "6",
      [`likelihood.${b!.id}`]: "NaN",
      [`consequence.${b!.id}`]: "Infinity",
      [`impact.${c!.id}`]: "",
    };
    const result = await writesNothing(scheme.id, () =>
      runAction(saveQiaScreeningSchema, saveQiaScreening, w.actors["FINANCE at the trust"], raw),
    );
    expectFieldErrors(result, "VALIDATION", {
      [`likelihood.${a!.id}`]: "The likelihood must be between 1 and 5",
      [`consequence.${a!.id}`]: "The consequence must be between 1 and 5",
      [`likelihood.${b!.id}`]: "Choose the likelihood (1 to 5)",
      [`consequence.${b!.id}`]: "Choose the consequence (1 to 5)",
      [`impact.${c!.id}`]: "Choose the impact",
    });
  });

  it("saves a part-done screening, and an unknown dimension is a field error", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId });
    const [a] = await activeDimensions();
    const partial = await runAction(saveQiaScreeningSchema, saveQiaScreening, w.actors["FINANCE at the trust"], {
      assessmentId: qia.id,
      version: "1",
      [`impact.${a!.id}`]: "NEGATIVE",
      [`likelihood.${a!.id}`]: "5",
      [`consequence.${a!.id}`]: "5",
    });
    expect(partial).toMatchObject({ ok: true, data: { screeningComplete: false, fullRequired: true } });
    const unknown = "00000000-0000-4000-8000-000000000000";
    const result = await writesNothing(scheme.id, () =>
      runAction(saveQiaScreeningSchema, saveQiaScreening, w.actors["FINANCE at the trust"], {
        assessmentId: qia.id,
        version: "2",
        [`impact.${unknown}`]: "NONE",
        [`likelihood.${unknown}`]: "1",
        [`consequence.${unknown}`]: "1",
      }),
    );
    expectFieldErrors(result, "INVALID", { [`impact.${unknown}`]: /no longer assessed/ });
  });

  it("checks the full QIA's residual pair and indicators field by field", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId, screening: "full" });
    const [a] = await activeDimensions();
    const result = await writesNothing(scheme.id, () =>
      runAction(saveFullQiaSchema, saveFullQia, w.actors["FINANCE at the trust"], {
        assessmentId: qia.id,
        version: "1",
        reviewDate: "2026-02-30",
        [`residualLikelihood.${a!.id}`]: "2",
        "indicators.0.name": "Falls",
        "indicators.0.unit": "",
        "indicators.0.direction": "SIDEWAYS",
        "indicators.0.baseline": "1e5",
      }),
    );
    expectFieldErrors(result, "VALIDATION", {
      reviewDate: "is not a real date",
      [`residualConsequence.${a!.id}`]: "Choose the residual consequence",
      "indicators.0.unit": "Enter the unit",
      "indicators.0.direction": "Choose whether higher or lower is better",
      "indicators.0.baseline": "Enter the baseline as a number",
    });
  });

  it("refuses to submit an incomplete full QIA, naming what is missing", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId, screening: "full" });
    const result = await writesNothing(scheme.id, () =>
      runAction(qiaVersionSchema, submitQiaForSignOff, w.actors["LEAD at the trust, the scheme's lead"], {
        assessmentId: qia.id,
        version: "1",
      }),
    );
    expect(result).toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/describe the impact.*impact summary.*quality indicator.*review date/),
    });
  });

  it("refuses signing twice, in the wrong capacity, with conditions missing, or on a stale version", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
      version: 2,
    });
    const medical = w.actors["MEDICAL approver at the trust"];
    const sign = (actor = medical, extra: Record<string, unknown> = {}) =>
      runAction(signQiaSchema, signQia, actor, {
        assessmentId: qia.id,
        version: "2",
        capacity: "MEDICAL",
        outcome: "APPROVED",
        ...extra,
      });

    expect(await writesNothing(scheme.id, () => sign(medical, { version: "1" }))).toMatchObject({
      code: "STALE",
      message: expect.stringMatching(/changed by someone else/),
    });
    expect(await writesNothing(scheme.id, () => sign(w.actors["NURSING approver at the trust"]))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/not a medical signatory/),
    });
    expectFieldErrors(
      await writesNothing(scheme.id, () => sign(medical, { outcome: "APPROVED_WITH_CONDITIONS" })),
      "VALIDATION",
      { conditions: "List the conditions" },
    );
    expectFieldErrors(await writesNothing(scheme.id, () => sign(medical, { outcome: "REJECTED" })), "VALIDATION", {
      comment: "Say why",
    });
    expectFieldErrors(
      await writesNothing(scheme.id, () => sign(medical, { capacity: "SURGICAL", outcome: "MAYBE" })),
      "VALIDATION",
      { capacity: "Choose the capacity", outcome: "Choose the outcome" },
    );

    expect(await sign()).toMatchObject({ ok: true });
    expect(await writesNothing(scheme.id, () => sign())).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/already signed this version/),
    });
    // A medical-and-nursing approver who signed as medical cannot sign as nursing too.
    const other = await newScheme(w);
    const fresh = await createQiaRow({
      schemeId: other.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    // A signatory signs a version once, never in both capacities (each capacity is held per organisation).
    const approver = await createActor([
      { organisationId: w.trustId, role: "CLINICAL_APPROVER", clinicalCapacity: "MEDICAL" },
    ]);
    const signBoth = (capacity: string) =>
      runAction(signQiaSchema, signQia, approver, {
        assessmentId: fresh.id,
        version: "1",
        capacity,
        outcome: "APPROVED",
      });
    expect(await signBoth("MEDICAL")).toMatchObject({ ok: true });
    expect(await writesNothing(other.id, () => signBoth("NURSING"))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/already signed this version of the QIA as the medical signatory/),
    });
  });

  it("refuses to start a second QIA for a scheme", async () => {
    const scheme = await newScheme(w);
    await createQiaRow({ schemeId: scheme.id, createdById: w.leadId });
    expect(
      await writesNothing(scheme.id, () =>
        runAction(startQiaSchema, startQia, w.actors["FINANCE at the trust"], { schemeId: scheme.id }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
  });
});
