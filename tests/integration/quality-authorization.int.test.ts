import { beforeAll, describe, expect, it, vi } from "vitest";
import { saveEiaScreening } from "@/modules/quality/save-eia-screening";
import { saveFullEia } from "@/modules/quality/save-full-eia";
import { signEia } from "@/modules/quality/sign-eia";
import { startEia } from "@/modules/quality/start-eia";
import { submitEiaForSignOff } from "@/modules/quality/submit-eia";
import {
  eiaVersionSchema,
  saveEiaScreeningSchema,
  saveFullEiaSchema,
  signEiaSchema,
  startEiaSchema,
} from "@/modules/quality/equality-schemas";
import { markQiaConditionMet } from "@/modules/quality/mark-condition-met";
import { recordQualityCommitteeOverride } from "@/modules/quality/record-committee-override";
import { recordQiaReview } from "@/modules/quality/record-qia-review";
import { reviseQia } from "@/modules/quality/revise-qia";
import { saveFullQia } from "@/modules/quality/save-full-qia";
import { saveQiaScreening } from "@/modules/quality/save-qia-screening";
import { signQia } from "@/modules/quality/sign-qia";
import { startQia } from "@/modules/quality/start-qia";
import { submitQiaForSignOff } from "@/modules/quality/submit-qia";
import {
  markConditionMetSchema,
  qiaVersionSchema,
  recordCommitteeOverrideSchema,
  recordQiaReviewSchema,
  saveFullQiaSchema,
  saveQiaScreeningSchema,
  signQiaSchema,
  startQiaSchema,
} from "@/modules/quality/quality-schemas";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  QUALITY_ACTORS,
  activeDimensions,
  checkQualityCell,
  createEiaRow,
  createQiaRow,
  createQualityWorld,
  createSignedQia,
  eiaScreeningForm,
  newScheme,
  qualityOutcomes,
  screeningForm,
  type QualityMatrixSpec,
  type QualityWorld,
} from "../factories/quality";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may write what about QIAs and EIAs. Editing (start, screen, write, submit, new version):
 * those who may edit the scheme. QIA sign-off: clinical approvers of the trust in a capacity they
 * hold, never the scheme's lead. Reviews and conditions met: finance or a clinical approver,
 * never the lead. Committee override: finance. EIA sign-off: a clinical approver or the finance
 * director, never the lead. People who cannot see the scheme get NOT_FOUND; a refused write
 * writes nothing at all.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({
  getActor: async () => session.actor,
  getSignedInActor: async () => session.actor,
  requireActor: async () => session.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let w: QualityWorld;

const EDIT = qualityOutcomes([
  "FINANCE at the trust",
  "LEAD at the trust, the scheme's lead",
  "FINANCE at the ICB, system-wide",
  "CLINICAL_APPROVER at the trust, the scheme's lead",
]);
const FOLLOW_UP = qualityOutcomes([
  "FINANCE at the trust",
  "FINANCE at the ICB, system-wide",
  "CLINICAL_APPROVER at the trust",
  "MEDICAL approver at the trust",
  "NURSING approver at the trust",
]);
const FINANCE = qualityOutcomes(["FINANCE at the trust", "FINANCE at the ICB, system-wide"]);
const EIA_SIGN = qualityOutcomes([
  "FINANCE at the trust",
  "FINANCE at the ICB, system-wide",
  "CLINICAL_APPROVER at the trust",
  "MEDICAL approver at the trust",
  "NURSING approver at the trust",
]);

const qiaOf = (id: string) =>
  db().qualityAssessment.findUniqueOrThrow({
    where: { id },
    include: { dimensions: true, signOffs: { include: { conditions: true } }, reviews: true },
  });
const wrap =
  <I>(use: (a: Actor, input: I) => Promise<{ id: string }>) =>
  async (a: Actor, input: I) => ({ entityId: (await use(a, input)).id });

const startQiaSpec: QualityMatrixSpec = {
  name: "startQia",
  expected: EDIT,
  action: "qia.start",
  entityType: "quality_assessment",
  changes: { quality_assessment: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    await db().organisation.update({ where: { id: w.trustId }, data: { qiaThreshold: 10 } });
    return {
      raw: { schemeId: scheme.id },
      schemeId: scheme.id,
      verify: async (id, actor) =>
        expect(await qiaOf(id)).toMatchObject({
          schemeId: scheme.id,
          number: 1,
          status: "DRAFT",
          threshold: 10,
          createdById: actor.userId,
          version: 1,
        }),
    };
  },
  run: (actor, raw) => runAction(startQiaSchema, wrap(startQia), actor, raw),
};

const screeningSpec: QualityMatrixSpec = {
  name: "saveQiaScreening",
  expected: EDIT,
  action: "qia.screening.save",
  entityType: "quality_assessment",
  changes: { quality_assessment_dimension: 6, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: leadId });
    return {
      raw: await screeningForm(qia.id, 1),
      schemeId: scheme.id,
      verify: async (id) =>
        expect(await qiaOf(id)).toMatchObject({ screeningComplete: true, fullRequired: true, version: 2 }),
    };
  },
  run: (actor, raw) => runAction(saveQiaScreeningSchema, wrap(saveQiaScreening), actor, raw),
};

const fullSpec: QualityMatrixSpec = {
  name: "saveFullQia",
  expected: EDIT,
  action: "qia.full.save",
  entityType: "quality_assessment",
  changes: { kpi: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: leadId, screening: "full" });
    const safe = (await activeDimensions())[0]!.id;
    return {
      raw: {
        assessmentId: qia.id,
        version: "1",
        impactSummary: "Agency reduction on medical wards",
        reviewDate: "2026-09-30",
        [`description.${safe}`]: "Less continuity at night",
        [`mitigations.${safe}`]: "Ward induction for bank staff",
        [`residualLikelihood.${safe}`]: "2",
        [`residualConsequence.${safe}`]: "3",
        "indicators.0.name": "Falls per 1,000 bed days",
        "indicators.0.unit": "rate",
        "indicators.0.direction": "LOWER_IS_BETTER",
        "indicators.0.baseline": "6.1",
        "indicators.0.target": "6",
      },
      schemeId: scheme.id,
      verify: async (id) => {
        const after = await qiaOf(id);
        expect(after).toMatchObject({
          impactSummary: "Agency reduction on medical wards",
          reviewDate: new Date("2026-09-30T00:00:00Z"),
          version: 2,
        });
        expect(after.dimensions.find((d) => d.dimensionId === safe)).toMatchObject({
          description: "Less continuity at night",
          residualLikelihood: 2,
          residualConsequence: 3,
        });
        const kpis = await db().kpi.findMany({ where: { schemeId: scheme.id } });
        expect(kpis).toMatchObject([
          { name: "Falls per 1,000 bed days", qualityIndicator: true, programmeId: null, direction: "LOWER_IS_BETTER" },
        ]);
        expect(kpis[0]!.target!.toString()).toBe("6");
      },
    };
  },
  run: (actor, raw) => runAction(saveFullQiaSchema, wrap(saveFullQia), actor, raw),
};

const submitSpec: QualityMatrixSpec = {
  name: "submitQiaForSignOff",
  expected: EDIT,
  action: "qia.submit",
  entityType: "quality_assessment",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: leadId, screening: "full", fullDetails: true });
    return {
      raw: { assessmentId: qia.id, version: "1" },
      schemeId: scheme.id,
      verify: async (id) => expect(await qiaOf(id)).toMatchObject({ status: "AWAITING_SIGN_OFF", version: 2 }),
    };
  },
  run: (actor, raw) => runAction(qiaVersionSchema, wrap(submitQiaForSignOff), actor, raw),
};

const signSpec = (capacity: "MEDICAL" | "NURSING"): QualityMatrixSpec => ({
  name: `signQia as ${capacity.toLowerCase()}`,
  expected:
    capacity === "MEDICAL"
      ? qualityOutcomes(["CLINICAL_APPROVER at the trust", "MEDICAL approver at the trust"])
      : qualityOutcomes(["NURSING approver at the trust"]),
  action: "qia.sign",
  entityType: "quality_assessment",
  changes:
    capacity === "MEDICAL"
      ? { quality_sign_off: 1, tracked_condition: 1, audit_event: 1 }
      : { quality_sign_off: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const raw =
      capacity === "MEDICAL"
        ? {
            assessmentId: qia.id,
            version: "1",
            capacity,
            outcome: "APPROVED_WITH_CONDITIONS",
            conditions: "Falls audit monthly",
          }
        : { assessmentId: qia.id, version: "1", capacity, outcome: "APPROVED" };
    return {
      raw,
      schemeId: scheme.id,
      verify: async (id, actor) => {
        const after = await qiaOf(id);
        expect(after.status).toBe("AWAITING_SIGN_OFF"); // one signature of two
        expect(after.signOffs).toMatchObject([{ userId: actor.userId, capacity, outcome: raw.outcome }]);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      signQiaSchema,
      async (a, input) => ({ entityId: (await signQia(a, input)).signOff.assessmentId }),
      actor,
      raw,
    ),
});

const reviseSpec: QualityMatrixSpec = {
  name: "reviseQia",
  expected: EDIT,
  action: "qia.revise",
  entityType: "quality_assessment",
  changes: { quality_assessment: 1, quality_assessment_dimension: 6, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createSignedQia(w, scheme.id);
    return {
      raw: { assessmentId: qia.id, version: "1" },
      schemeId: scheme.id,
      verify: async (id) => {
        expect(await qiaOf(id)).toMatchObject({ number: 2, status: "DRAFT", signOffs: [] });
        expect(await qiaOf(qia.id)).toMatchObject({ status: "SUPERSEDED", version: 2 });
      },
    };
  },
  run: (actor, raw) => runAction(qiaVersionSchema, wrap(reviseQia), actor, raw),
};

const reviewSpec: QualityMatrixSpec = {
  name: "recordQiaReview",
  expected: FOLLOW_UP,
  action: "qia.review",
  entityType: "quality_assessment",
  changes: { quality_review: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createSignedQia(w, scheme.id);
    return {
      raw: { assessmentId: qia.id, version: "1", findings: "No harm found in the falls audit" },
      schemeId: scheme.id,
      verify: async (id, actor) =>
        expect((await qiaOf(id)).reviews).toMatchObject([
          { reviewedById: actor.userId, findings: "No harm found in the falls audit", reopened: false },
        ]),
    };
  },
  run: (actor, raw) =>
    runAction(
      recordQiaReviewSchema,
      async (a, input) => ({ entityId: (await recordQiaReview(a, input)).review.assessmentId }),
      actor,
      raw,
    ),
};

const conditionSpec: QualityMatrixSpec = {
  name: "markQiaConditionMet",
  expected: FOLLOW_UP,
  action: "qia.condition.met",
  entityType: "tracked_condition",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    await createSignedQia(w, scheme.id);
    const condition = await db().trackedCondition.findFirstOrThrow({ where: { schemeId: scheme.id } });
    return {
      raw: { conditionId: condition.id, note: "Audit presented in March" },
      schemeId: scheme.id,
      verify: async (id, actor) =>
        expect(await db().trackedCondition.findUniqueOrThrow({ where: { id } })).toMatchObject({
          metById: actor.userId,
          metNote: "Audit presented in March",
        }),
    };
  },
  run: (actor, raw) => runAction(markConditionMetSchema, wrap(markQiaConditionMet), actor, raw),
};

const overrideSpec: QualityMatrixSpec = {
  name: "recordQualityCommitteeOverride",
  expected: FINANCE,
  action: "qia.committee-override",
  entityType: "quality_assessment",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const qia = await createSignedQia(w, scheme.id);
    const reason = "Quality committee 12 March accepted the residual risk";
    return {
      raw: { assessmentId: qia.id, version: "1", reason },
      schemeId: scheme.id,
      verify: async (id) => expect(await qiaOf(id)).toMatchObject({ committeeOverride: reason, version: 2 }),
    };
  },
  run: (actor, raw) => runAction(recordCommitteeOverrideSchema, wrap(recordQualityCommitteeOverride), actor, raw),
};

const eiaOf = (id: string) =>
  db().equalityAssessment.findUniqueOrThrow({ where: { id }, include: { screening: true } });

const startEiaSpec: QualityMatrixSpec = {
  name: "startEia",
  expected: EDIT,
  action: "eia.start",
  entityType: "equality_assessment",
  changes: { equality_assessment: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    return {
      raw: { schemeId: scheme.id },
      schemeId: scheme.id,
      verify: async (id) => expect(await eiaOf(id)).toMatchObject({ schemeId: scheme.id, status: "DRAFT" }),
    };
  },
  run: (actor, raw) => runAction(startEiaSchema, wrap(startEia), actor, raw),
};

const eiaScreeningSpec: QualityMatrixSpec = {
  name: "saveEiaScreening",
  expected: EDIT,
  action: "eia.screening.save",
  entityType: "equality_assessment",
  changes: { equality_screening: 9, audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const eia = await createEiaRow({ schemeId: scheme.id });
    return {
      raw: eiaScreeningForm(eia.id, 1, ["AGE"]),
      schemeId: scheme.id,
      verify: async (id) =>
        expect(await eiaOf(id)).toMatchObject({ screeningComplete: true, fullRequired: true, version: 2 }),
    };
  },
  run: (actor, raw) => runAction(saveEiaScreeningSchema, wrap(saveEiaScreening), actor, raw),
};

const fullEiaSpec: QualityMatrixSpec = {
  name: "saveFullEia",
  expected: EDIT,
  action: "eia.full.save",
  entityType: "equality_assessment",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const eia = await createEiaRow({ schemeId: scheme.id, screening: "negative" });
    return {
      raw: {
        assessmentId: eia.id,
        version: "1",
        analysis: "Older patients",
        mitigations: "Named nurse",
        engagement: "Age UK",
      },
      schemeId: scheme.id,
      verify: async (id) =>
        expect(await eiaOf(id)).toMatchObject({ analysis: "Older patients", engagement: "Age UK", version: 2 }),
    };
  },
  run: (actor, raw) => runAction(saveFullEiaSchema, wrap(saveFullEia), actor, raw),
};

const submitEiaSpec: QualityMatrixSpec = {
  name: "submitEiaForSignOff",
  expected: EDIT,
  action: "eia.submit",
  entityType: "equality_assessment",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const eia = await createEiaRow({ schemeId: scheme.id, screening: "negative", full: true });
    return {
      raw: { assessmentId: eia.id, version: "1" },
      schemeId: scheme.id,
      verify: async (id) => expect(await eiaOf(id)).toMatchObject({ status: "AWAITING_SIGN_OFF" }),
    };
  },
  run: (actor, raw) => runAction(eiaVersionSchema, wrap(submitEiaForSignOff), actor, raw),
};

const signEiaSpec: QualityMatrixSpec = {
  name: "signEia",
  expected: EIA_SIGN,
  action: "eia.sign",
  entityType: "equality_assessment",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const scheme = await newScheme(w, leadId);
    const eia = await createEiaRow({
      schemeId: scheme.id,
      screening: "negative",
      full: true,
      status: "AWAITING_SIGN_OFF",
    });
    return {
      raw: { assessmentId: eia.id, version: "1", outcome: "APPROVED", comment: "Proportionate mitigations" },
      schemeId: scheme.id,
      verify: async (id, actor) =>
        expect(await eiaOf(id)).toMatchObject({
          status: "APPROVED",
          signedOffById: actor.userId,
          signOffComment: "Proportionate mitigations",
        }),
    };
  },
  run: (actor, raw) => runAction(signEiaSchema, wrap(signEia), actor, raw),
};

const SPECS = [
  startQiaSpec,
  screeningSpec,
  fullSpec,
  submitSpec,
  signSpec("MEDICAL"),
  signSpec("NURSING"),
  reviseSpec,
  reviewSpec,
  conditionSpec,
  overrideSpec,
  startEiaSpec,
  eiaScreeningSpec,
  fullEiaSpec,
  submitEiaSpec,
  signEiaSpec,
];

describe("QIA and EIA writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createQualityWorld();
  }, 30_000);

  describe.each(SPECS)("$name", (spec) => {
    it.each(QUALITY_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key) => {
      await checkQualityCell(w, spec, key);
    });
  });

  it("audits a refused server action as access.denied and writes nothing else", async () => {
    const { signQiaAction } = await import("@/modules/quality/quality-actions");
    const { saveQiaScreeningAction } = await import("@/modules/quality/quality-actions");
    const scheme = await newScheme(w);
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: w.leadId,
      screening: "full",
      fullDetails: true,
      status: "AWAITING_SIGN_OFF",
    });
    const attempts: [Actor, () => Promise<{ ok: boolean; message?: string }>, RegExp][] = [
      [
        w.actors["LEAD at the trust, the scheme's lead"],
        () => signQiaAction(null, { assessmentId: qia.id, version: 1, capacity: "MEDICAL", outcome: "APPROVED" }),
        /Only a clinical approver/,
      ],
      [
        w.actors["BOARD at the trust"],
        () => signQiaAction(null, { assessmentId: qia.id, version: 1, capacity: "NURSING", outcome: "APPROVED" }),
        /Only a clinical approver/,
      ],
      [
        w.actors["NURSING approver at the trust"],
        () => signQiaAction(null, { assessmentId: qia.id, version: 1, capacity: "MEDICAL", outcome: "APPROVED" }),
        /not a medical signatory/,
      ],
      [
        w.actors["BOARD at the trust"],
        async () => saveQiaScreeningAction(null, (await screeningForm(qia.id, 1)) as never),
        /Only the scheme's lead, finance or the PMO/,
      ],
    ];
    for (const [actor, attempt, message] of attempts) {
      session.actor = actor;
      const counts = await rowCounts();
      const last = await lastAuditId();
      const result = await attempt();
      expect(result).toMatchObject({ ok: false });
      expect(result.message).toMatch(message);
      expect(await auditEventsAfter(last)).toMatchObject([{ action: "access.denied", actorId: actor.userId }]);
      expect({ ...(await rowCounts()), audit_event: counts.audit_event }).toEqual(counts);
    }
    session.actor = null;
  });

  it("audits a save on a stale version as action.refused, with the reason, and writes nothing else", async () => {
    const { saveQiaScreeningAction } = await import("@/modules/quality/quality-actions");
    const scheme = await newScheme(w);
    const qia = await createQiaRow({ schemeId: scheme.id, createdById: w.leadId, screening: "full", version: 2 });
    const actor = w.actors["LEAD at the trust, the scheme's lead"];
    session.actor = actor;
    const counts = await rowCounts();
    const last = await lastAuditId();
    const result = await saveQiaScreeningAction(null, (await screeningForm(qia.id, 1)) as never);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/changed by someone else/) });
    expect(await auditEventsAfter(last)).toMatchObject([
      {
        action: "action.refused",
        actorId: actor.userId,
        entityId: "saveQiaScreening",
        after: { code: "STALE", message: result.message },
      },
    ]);
    expect({ ...(await rowCounts()), audit_event: counts.audit_event }).toEqual(counts);
    session.actor = null;
  });
});
