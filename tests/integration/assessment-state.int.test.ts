import { beforeAll, describe, expect, it } from "vitest";
import { loadAssessmentStates } from "@/modules/quality/assessment-state";
import { countQiasAwaitingSignOff, findQias } from "@/modules/quality/find-qias";
import { db } from "@/server/db";
import {
  createEiaRow,
  createQiaRow,
  createQualityWorld,
  createSignedQia,
  newScheme,
  type QualityWorld,
} from "../factories/quality";
import { useTestDatabase } from "../helpers/test-database";

/** loadAssessmentStates: what the gateway rules see of a scheme's QIA (current version) and EIA. */

let w: QualityWorld;
const statesOf = (schemeId: string) => db().$transaction((tx) => loadAssessmentStates(tx, schemeId));

describe("loadAssessmentStates", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("is null for both before they are started", async () => {
    const scheme = await newScheme(w);
    expect(await statesOf(scheme.id)).toEqual({ qia: null, eia: null });
  });

  it("reports unanswered and answered screening", async () => {
    const started = await newScheme(w);
    await createQiaRow({ schemeId: started.id, createdById: w.leadId });
    await createEiaRow({ schemeId: started.id });
    expect(await statesOf(started.id)).toEqual({
      qia: {
        screeningAnswered: false,
        fullRequired: false,
        medicalSignedOff: false,
        nursingSignedOff: false,
        highestResidualScore: null,
        qualityCommitteeOverride: false,
        postImplementationReviewRecorded: false,
      },
      eia: { screeningAnswered: false, fullRequired: false, fullApproved: false },
    });
    const screened = await newScheme(w);
    await createQiaRow({ schemeId: screened.id, createdById: w.leadId, screening: "low" });
    await createEiaRow({ schemeId: screened.id, screening: "no-impact" });
    expect(await statesOf(screened.id)).toMatchObject({
      qia: { screeningAnswered: true, fullRequired: false },
      eia: { screeningAnswered: true, fullRequired: false, fullApproved: false },
    });
  });

  it("counts only approving sign-offs on the current version", async () => {
    const scheme = await newScheme(w);
    await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "REJECTED",
      signOffs: [
        {
          userId: w.actors["MEDICAL approver at the trust"].userId,
          capacity: "MEDICAL",
          outcome: "APPROVED_WITH_CONDITIONS",
          conditions: ["Audit"],
        },
        { userId: w.actors["NURSING approver at the trust"].userId, capacity: "NURSING", outcome: "REJECTED" },
      ],
    });
    expect((await statesOf(scheme.id)).qia).toMatchObject({
      fullRequired: true,
      medicalSignedOff: true,
      nursingSignedOff: false,
      highestResidualScore: 6,
    });

    const signed = await newScheme(w);
    const v1 = await createSignedQia(w, signed.id, { status: "SUPERSEDED" });
    await db().qualityReview.create({
      data: { assessmentId: v1.id, reviewedById: w.leadId, findings: "Reopened", reopened: true },
    });
    await createQiaRow({ schemeId: signed.id, createdById: w.leadId, number: 2, screening: "full", fullDetails: true });
    // Version 2 is a fresh draft: version 1's signatures no longer count.
    expect((await statesOf(signed.id)).qia).toMatchObject({
      medicalSignedOff: false,
      nursingSignedOff: false,
      postImplementationReviewRecorded: false,
    });
  });

  it("reports both signatures, the highest residual score, the override and a review that kept the QIA", async () => {
    const scheme = await newScheme(w);
    const qia = await createSignedQia(w, scheme.id, { committeeOverride: "Committee accepted" });
    await db().qualityAssessmentDimension.updateMany({
      where: { assessmentId: qia.id, impact: "NEGATIVE" },
      data: { residualLikelihood: 5, residualConsequence: 3 },
    });
    await db().qualityReview.create({ data: { assessmentId: qia.id, reviewedById: w.leadId, findings: "Fine" } });
    expect((await statesOf(scheme.id)).qia).toEqual({
      screeningAnswered: true,
      fullRequired: true,
      medicalSignedOff: true,
      nursingSignedOff: true,
      highestResidualScore: 15,
      qualityCommitteeOverride: true,
      postImplementationReviewRecorded: true,
    });
  });

  it("approves a full EIA only when it is required and approved", async () => {
    const approved = await newScheme(w);
    await createEiaRow({
      schemeId: approved.id,
      screening: "negative",
      full: true,
      status: "APPROVED",
      signedOffById: w.actors["FINANCE at the trust"].userId,
    });
    expect((await statesOf(approved.id)).eia).toEqual({
      screeningAnswered: true,
      fullRequired: true,
      fullApproved: true,
    });
    const awaiting = await newScheme(w);
    await createEiaRow({ schemeId: awaiting.id, screening: "negative", full: true, status: "AWAITING_SIGN_OFF" });
    expect((await statesOf(awaiting.id)).eia).toEqual({
      screeningAnswered: true,
      fullRequired: true,
      fullApproved: false,
    });
  });
});

describe("QIA lists", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  it("lists what awaits my signature, overdue reviews, and counts those awaiting sign-off in scope", async () => {
    const awaiting = await newScheme(w);
    const a = await createQiaRow({
      schemeId: awaiting.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const medicalDone = await newScheme(w);
    await createQiaRow({
      schemeId: medicalDone.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
      signOffs: [
        { userId: w.actors["CLINICAL_APPROVER at the trust"].userId, capacity: "MEDICAL", outcome: "APPROVED" },
      ],
    });
    const own = await newScheme(w, w.approverLeadId);
    await createQiaRow({
      schemeId: own.id,
      createdById: w.approverLeadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const overdue = await newScheme(w);
    const o = await createSignedQia(w, overdue.id, { reviewDate: new Date(Date.UTC(2020, 0, 1)) });

    const ids = async (key: keyof QualityWorld["actors"], view: Parameters<typeof findQias>[1]) =>
      (await findQias(w.actors[key], view)).map((r) => r.scheme.id).sort();
    expect(await ids("MEDICAL approver at the trust", { kind: "awaiting-me" })).toEqual([awaiting.id, own.id].sort());
    expect(await ids("NURSING approver at the trust", { kind: "awaiting-me" })).toEqual(
      [awaiting.id, medicalDone.id, own.id].sort(),
    );
    expect(await ids("CLINICAL_APPROVER at the trust, the scheme's lead", { kind: "awaiting-me" })).toEqual([
      awaiting.id,
    ]);
    expect(await ids("FINANCE at the trust", { kind: "awaiting-me" })).toEqual([]);
    expect(await ids("FINANCE at the trust", { kind: "overdue" })).toEqual([overdue.id]);
    expect(await ids("FINANCE at the trust", { kind: "status", status: "APPROVED_WITH_CONDITIONS" })).toEqual([
      overdue.id,
    ]);
    expect((await findQias(w.actors["FINANCE at the trust"], { kind: "overdue" }))[0]).toMatchObject({
      id: o.id,
      reviewOverdue: true,
    });
    expect(await ids("FINANCE at another trust of the system", { kind: "status", status: null })).toEqual([]);

    expect(await countQiasAwaitingSignOff(w.actors["FINANCE at the trust"])).toBe(3);
    expect(await countQiasAwaitingSignOff(w.actors["FINANCE at the ICB, system-wide"])).toBe(3);
    expect(await countQiasAwaitingSignOff(w.actors["FINANCE at another system's ICB, system-wide"])).toBe(0);
    void a;
  });
});
