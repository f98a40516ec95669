import { beforeAll, describe, expect, it } from "vitest";
import {
  eiaVersionSchema,
  saveEiaScreeningSchema,
  saveFullEiaSchema,
  signEiaSchema,
  startEiaSchema,
} from "@/modules/quality/equality-schemas";
import { saveEiaScreening } from "@/modules/quality/save-eia-screening";
import { saveFullEia } from "@/modules/quality/save-full-eia";
import { signEia } from "@/modules/quality/sign-eia";
import { startEia } from "@/modules/quality/start-eia";
import { submitEiaForSignOff } from "@/modules/quality/submit-eia";
import { db } from "@/server/db";
import { createActor } from "../factories";
import { createEiaRow, createQualityWorld, eiaScreeningForm, newScheme, type QualityWorld } from "../factories/quality";
import { expectFieldErrors } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** The EIA from start to sign-off, editing after sign-off, and its bad input. */

let w: QualityWorld;

describe("equality impact assessments", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("runs start → screening with a negative impact → full EIA → submit → approve, and editing returns it to draft", async () => {
    const scheme = await newScheme(w);
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const started = await runAction(startEiaSchema, startEia, lead, { schemeId: scheme.id });
    if (!started.ok) throw new Error(started.message);
    const id = started.data.id;
    expect(
      await runAction(saveEiaScreeningSchema, saveEiaScreening, lead, {
        ...eiaScreeningForm(id, 1, ["DISABILITY"]),
        "note.DISABILITY": "Step-free access",
      }),
    ).toMatchObject({
      ok: true,
      data: { screeningComplete: true, fullRequired: true, version: 2 },
    });
    // Not complete yet: the full EIA is missing.
    expect(
      await runAction(eiaVersionSchema, submitEiaForSignOff, lead, { assessmentId: id, version: "2" }),
    ).toMatchObject({ ok: false, code: "INVALID", message: expect.stringMatching(/analysis/) });
    expect(
      await runAction(saveFullEiaSchema, saveFullEia, lead, {
        assessmentId: id,
        version: "2",
        analysis: "Wheelchair users",
        mitigations: "Home visits",
        engagement: "Disability forum",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await runAction(eiaVersionSchema, submitEiaForSignOff, lead, { assessmentId: id, version: "3" }),
    ).toMatchObject({ ok: true, data: { status: "AWAITING_SIGN_OFF" } });
    // The lead cannot sign their own scheme's EIA, even as a finance director.
    expect(
      await runAction(signEiaSchema, signEia, lead, { assessmentId: id, version: "4", outcome: "APPROVED" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const approver = w.actors["NURSING approver at the trust"];
    expect(
      await runAction(signEiaSchema, signEia, approver, { assessmentId: id, version: "4", outcome: "APPROVED" }),
    ).toMatchObject({ ok: true, data: { status: "APPROVED", signedOffById: approver.userId } });

    const last = await lastAuditId();
    expect(
      await runAction(saveFullEiaSchema, saveFullEia, lead, {
        assessmentId: id,
        version: "5",
        analysis: "Wheelchair users and carers",
        mitigations: "Home visits",
        engagement: "Disability forum",
      }),
    ).toMatchObject({
      ok: true,
      data: { status: "DRAFT", signedOffById: null, signedOffAt: null, signOffComment: null },
    });
    // The old sign-off stays in the audit log.
    const [event] = await auditEventsAfter(last);
    expect(event).toMatchObject({
      action: "eia.full.save",
      before: { status: "APPROVED", signedOffById: approver.userId },
    });
  });

  it("needs all nine characteristics answered, and a reason to reject", async () => {
    const scheme = await newScheme(w);
    const eia = await createEiaRow({ schemeId: scheme.id });
    const raw = eiaScreeningForm(eia.id, 1);
    delete raw["impact.RACE"];
    raw["impact.SEX"] = "UNSURE";
    expectFieldErrors(
      await runAction(saveEiaScreeningSchema, saveEiaScreening, w.actors["FINANCE at the trust"], raw),
      "VALIDATION",
      {
        "impact.RACE": "Choose the impact on race",
        "impact.SEX": "Choose the impact on sex",
      },
    );
    const awaiting = await createEiaRow({
      schemeId: (await newScheme(w)).id,
      screening: "no-impact",
      status: "AWAITING_SIGN_OFF",
    });
    expectFieldErrors(
      await runAction(signEiaSchema, signEia, w.actors["FINANCE at the trust"], {
        assessmentId: awaiting.id,
        version: "1",
        outcome: "REJECTED",
      }),
      "VALIDATION",
      { comment: "Say why" },
    );
  });

  it("lets a screening with no negative impact go for sign-off without a full EIA, and refuses a full EIA then", async () => {
    const scheme = await newScheme(w);
    const eia = await createEiaRow({ schemeId: scheme.id, screening: "no-impact" });
    expect(
      await runAction(saveFullEiaSchema, saveFullEia, w.actors["FINANCE at the trust"], {
        assessmentId: eia.id,
        version: "1",
        analysis: "x",
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await runAction(eiaVersionSchema, submitEiaForSignOff, w.actors["FINANCE at the trust"], {
        assessmentId: eia.id,
        version: "1",
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a PMO (finance, not director) signing, and a stale sign-off", async () => {
    const pmo = await createActor([{ organisationId: w.trustId, role: "FINANCE", financeCapacity: "PMO" }]);
    const eia = await createEiaRow({
      schemeId: (await newScheme(w)).id,
      screening: "no-impact",
      status: "AWAITING_SIGN_OFF",
    });
    expect(
      await runAction(signEiaSchema, signEia, pmo, { assessmentId: eia.id, version: "1", outcome: "APPROVED" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await runAction(signEiaSchema, signEia, w.actors["FINANCE at the trust"], {
        assessmentId: eia.id,
        version: "3",
        outcome: "APPROVED",
      }),
    ).toMatchObject({ ok: false, code: "STALE" });
    expect(await db().equalityAssessment.findUniqueOrThrow({ where: { id: eia.id } })).toMatchObject({
      status: "AWAITING_SIGN_OFF",
      version: 1,
    });
  });
});
