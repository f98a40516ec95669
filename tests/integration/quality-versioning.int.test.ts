import { beforeAll, describe, expect, it } from "vitest";
import {
  qiaVersionSchema,
  recordQiaReviewSchema,
  saveQiaScreeningSchema,
  signQiaSchema,
} from "@/modules/quality/quality-schemas";
import { recordQiaReview } from "@/modules/quality/record-qia-review";
import { reviseQia } from "@/modules/quality/revise-qia";
import { saveQiaScreening } from "@/modules/quality/save-qia-screening";
import { signQia } from "@/modules/quality/sign-qia";
import { submitQiaForSignOff } from "@/modules/quality/submit-qia";
import { db } from "@/server/db";
import {
  createQiaRow,
  createQualityWorld,
  createSignedQia,
  newScheme,
  screeningForm,
  type QualityWorld,
} from "../factories/quality";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Editing a signed QIA makes a new version that needs signing again; a review can reopen it. */

let w: QualityWorld;
const versions = (schemeId: string) =>
  db().qualityAssessment.findMany({
    where: { schemeId },
    orderBy: { number: "asc" },
    include: { dimensions: true, signOffs: true, reviews: true },
  });

describe("QIA versions", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("refuses to edit a signed version in place, and a new version copies it and needs both signatures again", async () => {
    const scheme = await newScheme(w);
    const signed = await createSignedQia(w, scheme.id);
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const refused = await runAction(
      saveQiaScreeningSchema,
      saveQiaScreening,
      lead,
      await screeningForm(signed.id, 1, undefined, "low"),
    );
    expect(refused).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/start a new version/),
    });

    await db().organisation.update({ where: { id: w.trustId }, data: { qiaThreshold: 12 } });
    const revised = await runAction(qiaVersionSchema, reviseQia, lead, { assessmentId: signed.id, version: "1" });
    expect(revised).toMatchObject({ ok: true, data: { number: 2, status: "DRAFT", threshold: 12 } });
    const [v1, v2] = await versions(scheme.id);
    expect(v1).toMatchObject({ status: "SUPERSEDED", signOffs: [{}, {}] });
    // Copied answers and full QIA; at the new threshold 12 is no longer above it.
    expect(v2).toMatchObject({
      number: 2,
      status: "DRAFT",
      signOffs: [],
      screeningComplete: true,
      fullRequired: false,
      impactSummary: v1!.impactSummary,
    });
    const answers = (v: typeof v1) =>
      v!.dimensions
        .map((d) => ({ ...d, assessmentId: null }))
        .sort((a, b) => a.dimensionId.localeCompare(b.dimensionId));
    expect(answers(v2)).toEqual(answers(v1));
    await db().organisation.update({ where: { id: w.trustId }, data: { qiaThreshold: 8 } });

    // The old version is closed for good.
    expect(await runAction(qiaVersionSchema, reviseQia, lead, { assessmentId: signed.id, version: "2" })).toMatchObject(
      { ok: false, code: "CONFLICT" },
    );
  });

  it("runs a new version through sign-off again: submit, both sign, approved", async () => {
    const scheme = await newScheme(w);
    const signed = await createSignedQia(w, scheme.id);
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const revised = await runAction(qiaVersionSchema, reviseQia, lead, { assessmentId: signed.id, version: "1" });
    if (!revised.ok) throw new Error(revised.message);
    const v2 = revised.data;
    expect(
      await runAction(qiaVersionSchema, submitQiaForSignOff, lead, { assessmentId: v2.id, version: "1" }),
    ).toMatchObject({ ok: true, data: { status: "AWAITING_SIGN_OFF", version: 2 } });
    const sign = (key: "MEDICAL approver at the trust" | "NURSING approver at the trust", capacity: string) =>
      runAction(signQiaSchema, signQia, w.actors[key], {
        assessmentId: v2.id,
        version: "2",
        capacity,
        outcome: "APPROVED",
      });
    expect(await sign("MEDICAL approver at the trust", "MEDICAL")).toMatchObject({
      ok: true,
      data: { status: "AWAITING_SIGN_OFF" },
    });
    expect(await sign("NURSING approver at the trust", "NURSING")).toMatchObject({
      ok: true,
      data: { status: "APPROVED" },
    });
  });

  it("rejects as soon as one signatory rejects", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const result = await runAction(signQiaSchema, signQia, w.actors["NURSING approver at the trust"], {
      assessmentId: qia.id,
      version: "1",
      capacity: "NURSING",
      outcome: "REJECTED",
      comment: "Staffing ratios fall below the safe level at night",
    });
    expect(result).toMatchObject({ ok: true, data: { status: "REJECTED" } });
    // The other signatory can no longer sign it.
    expect(
      await runAction(signQiaSchema, signQia, w.actors["MEDICAL approver at the trust"], {
        assessmentId: qia.id,
        version: "1",
        capacity: "MEDICAL",
        outcome: "APPROVED",
      }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("records a review on the current version; a review that reopens starts a new draft version", async () => {
    const scheme = await newScheme(w);
    const signed = await createSignedQia(w, scheme.id);
    const finance = w.actors["FINANCE at the trust"];
    const kept = await runAction(recordQiaReviewSchema, recordQiaReview, finance, {
      assessmentId: signed.id,
      version: "1",
      findings: "Falls stable",
    });
    expect(kept).toMatchObject({ ok: true, data: { next: null, review: { reopened: false } } });
    const reopened = await runAction(
      recordQiaReviewSchema,
      recordQiaReview,
      w.actors["NURSING approver at the trust"],
      {
        assessmentId: signed.id,
        version: "1",
        findings: "Pressure ulcers up since the change",
        reopen: "on",
      },
    );
    expect(reopened).toMatchObject({
      ok: true,
      data: { review: { reopened: true }, next: { number: 2, status: "DRAFT" } },
    });
    const [v1, v2] = await versions(scheme.id);
    expect(v1).toMatchObject({ status: "SUPERSEDED", reviews: [{ reopened: false }, { reopened: true }] });
    expect(v2).toMatchObject({ status: "DRAFT", reviews: [], signOffs: [] });
  });

  it("refuses a review before the full QIA is approved", async () => {
    const scheme = await newScheme(w);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    expect(
      await runAction(recordQiaReviewSchema, recordQiaReview, w.actors["FINANCE at the trust"], {
        assessmentId: qia.id,
        version: "1",
        findings: "Too early",
      }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });
});
