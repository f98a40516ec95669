import { beforeAll, describe, expect, it } from "vitest";
import { decideGateway } from "@/modules/gateways/decide-gateway";
import { countSchemesAwaitingDecision, findGatewayPipeline } from "@/modules/gateways/find-gateway-pipeline";
import { countQiasAwaitingSignOff as countQiasAwaitingSignature } from "@/modules/quality/find-qias";
import {
  decideGatewaySchema,
  meetConditionSchema,
  moveSchemeSchema,
  rebaselinePlanSchema,
  returnSchemeSchema,
  submitForGatewaySchema,
  validateBenefitSchema,
} from "@/modules/gateways/gateway-schemas";
import { meetGatewayCondition } from "@/modules/gateways/meet-gateway-condition";
import { moveSchemeStage, returnScheme } from "@/modules/gateways/move-scheme-stage";
import { rebaselinePlan } from "@/modules/gateways/rebaseline-plan";
import { submitForGateway } from "@/modules/gateways/submit-for-gateway";
import { validateBenefit } from "@/modules/gateways/validate-benefit";
import { saveSchemeMonthsSchema } from "@/modules/schemes/financials/financials-schemas";
import { saveSchemeMonths } from "@/modules/schemes/financials/save-scheme-months";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  NOW,
  createGateOneReadyScheme,
  createGateThreeReadyScheme,
  createGateTwoReadyScheme,
  createGatewayWorld,
  createOpenCondition,
  gatewayState,
  type GatewayWorld,
} from "../factories/gateways";
import { createActor } from "../factories/index";
import { auditEventsAfter, lastAuditId, rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Gateway flows end to end through the use cases (DESIGN.md section 3): submit, approve with
 * conditions, reject with a reason, defer, stale versions, who may approve what, the plan
 * baselined and locked at gateway 2, re-baselining, return, hold/resume/withdraw, benefit
 * validation, gate 3, conditions met, the approver pipeline and the dashboard counts.
 */

let w: GatewayWorld;
let finance: Actor;
let lead: Actor;
let pmo: Actor;

const submit = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(submitForGatewaySchema, (a, i) => submitForGateway(a, i, NOW), actor, raw);
const decide = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(decideGatewaySchema, (a, i) => decideGateway(a, i, NOW), actor, raw);
const returnTo = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(returnSchemeSchema, returnScheme, actor, raw);
const move = (actor: Actor, raw: Record<string, unknown>) => runAction(moveSchemeSchema, moveSchemeStage, actor, raw);
const rebaseline = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(rebaselinePlanSchema, rebaselinePlan, actor, raw);
const validate = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(validateBenefitSchema, (a, i) => validateBenefit(a, i, NOW), actor, raw);
const meet = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(meetConditionSchema, (a, i) => meetGatewayCondition(a, i, NOW), actor, raw);
const saveMonths = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(saveSchemeMonthsSchema, (a, i) => saveSchemeMonths(a, i, NOW), actor, raw);

const scheme = (id: string) => db().scheme.findUniqueOrThrow({ where: { id } });
const decisions = (schemeId: string) =>
  db().gatewayDecision.findMany({ where: { schemeId }, orderBy: { decidedAt: "asc" }, include: { conditions: true } });
const planOf = async (schemeId: string) =>
  (await db().schemeMonth.findMany({ where: { schemeId, financialYear: 2025 }, orderBy: { month: "asc" } })).map(
    (m) => m.planPence,
  );

/**
 * Runs a gateway write that must be refused: it changes no table and no scheme, and leaves one
 * audit event, the "<action>.refused" evidence of withRefusalsAudited, carrying the refusal.
 */
async function countsButAudit() {
  const counts = await rowCounts();
  delete counts.audit_event;
  return counts;
}

async function refused(action: string, schemeId: string, attempt: () => Promise<ActionResult<unknown>>) {
  const countsBefore = await countsButAudit();
  const state = await gatewayState(schemeId);
  const lastId = await lastAuditId();
  const result = await attempt();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(await countsButAudit()).toEqual(countsBefore);
  expect(await gatewayState(schemeId)).toEqual(state);
  if (!result.ok) {
    expect(await auditEventsAfter(lastId)).toMatchObject([
      {
        action: `${action}.refused`,
        entityType: "scheme",
        entityId: schemeId,
        after: { code: result.code, message: result.message },
      },
    ]);
  }
  return result;
}

describe("gateway decisions", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createGatewayWorld();
    finance = w.actors["FINANCE at the trust"];
    lead = w.actors["LEAD at the trust, the scheme's lead"];
    pmo = w.gatewayActors["PMO at the trust"];
  });

  describe("gateway 1", () => {
    it("the lead submits, finance approves with conditions: planning, a decision with the criteria and conditions, audited", async () => {
      const s = await createGateOneReadyScheme(w);
      const lastId = await lastAuditId();
      expect(await submit(lead, { schemeId: s.id, version: "1", gate: "1" })).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "OPPORTUNITY",
        submittedGate: 1,
        submittedAt: NOW,
        version: 2,
      });

      const approved = await decide(finance, {
        schemeId: s.id,
        version: "2",
        gate: "1",
        decision: "APPROVE",
        reason: "Strong case",
        conditions: "Confirm bank rates with staff side\n\n  Report fill rate monthly  ",
      });
      expect(approved).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "PLANNING",
        submittedGate: null,
        submittedAt: null,
        version: 3,
        planLockedAt: null,
      });

      const history = await decisions(s.id);
      expect(history.map((d) => [d.kind, d.gate, d.fromStage, d.toStage, d.schemeVersion, d.decidedById])).toEqual([
        ["SUBMITTED", 1, "OPPORTUNITY", "OPPORTUNITY", 1, lead.userId],
        ["APPROVED", 1, "OPPORTUNITY", "PLANNING", 2, finance.userId],
      ]);
      expect(history[1]!.criteria).toEqual({ gate: 1, passes: true, failures: [] });
      expect(history[1]!.reason).toBe("Strong case");
      expect(history[1]!.conditions.map((c) => [c.description, c.metAt, c.schemeId])).toEqual([
        ["Confirm bank rates with staff side", null, s.id],
        ["Report fill rate monthly", null, s.id],
      ]);
      // Gate 1 does not baseline the plan.
      expect(await db().planBaseline.count({ where: { schemeId: s.id } })).toBe(0);

      expect(await auditEventsAfter(lastId)).toMatchObject([
        { action: "gateway.submitted", actorId: lead.userId, entityId: s.id, organisationId: w.trustId },
        {
          action: "gateway.approved",
          actorId: finance.userId,
          entityId: s.id,
          organisationId: w.trustId,
          before: { stage: "OPPORTUNITY", version: 2 },
          after: {
            stage: "PLANNING",
            version: 3,
            gate: 1,
            reason: "Strong case",
            conditions: ["Confirm bank rates with staff side", "Report fill rate monthly"],
          },
        },
      ]);
    });

    it("refuses to submit a scheme whose criteria fail, naming every failed criterion, and writes nothing", async () => {
      const s = await createGateOneReadyScheme(w);
      await db().scheme.update({ where: { id: s.id }, data: { workstreamId: null } });
      await db().equalityAssessment.update({ where: { schemeId: s.id }, data: { screeningComplete: false } });
      const result = await refused("gateway.submit", s.id, () =>
        submit(lead, { schemeId: s.id, version: "1", gate: "1" }),
      );
      expect(result).toMatchObject({
        code: "INVALID",
        message:
          "Gateway 1 criteria are not met: The scheme is not linked to a workstream. The equality impact screening has not been answered.",
      });
    });

    it("refuses a submission for the wrong gate (field error) and a second submission (conflict)", async () => {
      const s = await createGateOneReadyScheme(w);
      const wrongGate = await refused("gateway.submit", s.id, () =>
        submit(lead, { schemeId: s.id, version: "1", gate: "2" }),
      );
      expect(wrongGate).toMatchObject({
        code: "INVALID",
        fieldErrors: { gate: ["This scheme is not at gateway 2; it is opportunity."] },
      });
      expect(await submit(lead, { schemeId: s.id, version: "1", gate: "1" })).toMatchObject({ ok: true });
      const again = await refused("gateway.submit", s.id, () =>
        submit(finance, { schemeId: s.id, version: "2", gate: "1" }),
      );
      expect(again).toMatchObject({
        code: "CONFLICT",
        message: "The scheme is already awaiting a decision at gateway 1.",
      });
    });

    it("refuses a decision on a scheme that is not awaiting one", async () => {
      const s = await createGateOneReadyScheme(w);
      const result = await refused("gateway.approve", s.id, () =>
        decide(finance, { schemeId: s.id, version: "1", gate: "1", decision: "APPROVE" }),
      );
      expect(result).toMatchObject({
        code: "CONFLICT",
        message: "The scheme is not awaiting a decision at gateway 1.",
      });
    });

    it("lets the PMO approve gateway 1 whatever the scheme's value", async () => {
      const s = await createGateOneReadyScheme(w, { fullYearEffectPence: 100_000_000n, submittedAt: NOW });
      expect(await decide(pmo, { schemeId: s.id, version: "1", gate: "1", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
      expect(await scheme(s.id)).toMatchObject({ stage: "PLANNING" });
    });
  });

  describe("who decides", () => {
    it("refuses the scheme's own lead, even as finance director, at every gate", async () => {
      const financeLead = w.gatewayActors["FINANCE director at the trust, the scheme's lead"];
      const s = await createGateOneReadyScheme(w, { leadId: financeLead.userId, submittedAt: NOW });
      const result = await refused("gateway.approve", s.id, () =>
        decide(financeLead, { schemeId: s.id, version: "1", gate: "1", decision: "APPROVE" }),
      );
      expect(result).toMatchObject({
        code: "FORBIDDEN",
        message: "You lead this scheme, so you cannot decide its gateway: another approver must.",
      });
    });

    it.each([
      ["BOARD at the trust", "APPROVE"],
      ["LEAD at the trust, the scheme's lead", "APPROVE"],
      ["CLINICAL_APPROVER at the trust", "REJECT"],
      ["ADMIN at the trust", "DEFER"],
    ] as const)("refuses %s (%s): FORBIDDEN", async (key, decision) => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      const result = await refused(`gateway.${decision.toLowerCase()}`, s.id, () =>
        decide(w.actors[key], { schemeId: s.id, version: "1", gate: "2", decision, reason: "Not now please" }),
      );
      expect(result).toMatchObject({
        code: "FORBIDDEN",
        message: "Only the finance director or the PMO can decide a gateway.",
      });
    });

    it("lets the PMO approve gateway 2 below £50k (£49,999.99)", async () => {
      const s = await createGateTwoReadyScheme(w, {
        fullYearEffectPence: 4_999_999n,
        inYearValuePence: 3_000_000n,
        submittedAt: NOW,
      });
      expect(await decide(pmo, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
      expect(await scheme(s.id)).toMatchObject({ stage: "DELIVERY" });
    });

    it("refuses the PMO at gateway 2 at exactly £50k, naming the finance director; the finance director then approves", async () => {
      const s = await createGateTwoReadyScheme(w, {
        fullYearEffectPence: 5_000_000n,
        inYearValuePence: 3_000_000n,
        submittedAt: NOW,
      });
      const result = await refused("gateway.approve", s.id, () =>
        decide(pmo, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" }),
      );
      expect(result).toMatchObject({
        code: "FORBIDDEN",
        message: "Schemes with a full-year effect of £50,000 or more need the finance director at gateway 2.",
      });
      expect(await decide(finance, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
    });

    it("follows the organisation's own director threshold", async () => {
      await db().organisation.update({ where: { id: w.otherTrustId }, data: { directorThresholdPence: 20_000_000n } });
      const otherPmo = await createActor([{ organisationId: w.otherTrustId, role: "FINANCE", financeCapacity: "PMO" }]);
      const s = await createGateTwoReadyScheme(w, {
        organisationId: w.otherTrustId,
        fullYearEffectPence: 12_000_000n,
        submittedAt: NOW,
      });
      expect(await decide(otherPmo, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
    });
  });

  describe("criteria judged at decision time", () => {
    it("refuses to approve when a plan month changed after submission, naming the criterion, and writes nothing", async () => {
      const s = await createGateTwoReadyScheme(w);
      expect(await submit(lead, { schemeId: s.id, version: "1", gate: "2" })).toMatchObject({ ok: true });
      // Changed behind the approver's back (directly: the version does not move).
      await db().schemeMonth.update({
        where: { schemeId_financialYear_month: { schemeId: s.id, financialYear: 2025, month: 1 } },
        data: { planPence: 1_500_000n },
      });
      const result = await refused("gateway.approve", s.id, () =>
        decide(finance, { schemeId: s.id, version: "2", gate: "2", decision: "APPROVE" }),
      );
      expect(result).toMatchObject({
        code: "INVALID",
        message:
          "Gateway 2 criteria are not met: Monthly plan for 2025/26 adds up to £97.5k but the in-year value is £90k.",
      });
      expect(await scheme(s.id)).toMatchObject({ stage: "PLANNING", submittedGate: 2, planLockedAt: null });
    });

    it("requires a reason to reject or defer, and conditions only on an approval (schema)", () => {
      const base = { schemeId: "7d9f3e0c-1b2a-4c3d-8e4f-5a6b7c8d9e0f", version: "3", gate: "2" };
      const fieldErrors = (raw: Record<string, unknown>) => {
        const parsed = decideGatewaySchema.safeParse(raw);
        expect(parsed.success).toBe(false);
        return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
      };
      expect(fieldErrors({ ...base, decision: "REJECT", reason: "" })).toEqual({
        reason: "Give the reason for rejecting (at least 3 characters)",
      });
      expect(fieldErrors({ ...base, decision: "DEFER", reason: "  no" })).toEqual({
        reason: "Give the reason for deferring (at least 3 characters)",
      });
      expect(fieldErrors({ ...base, decision: "REJECT", reason: "Not evidenced", conditions: "Do better" })).toEqual({
        conditions: "Only an approval carries conditions",
      });
      expect(fieldErrors({ ...base, decision: "MAYBE" })).toEqual({ decision: "Choose approve, reject or defer" });
      expect(fieldErrors({ ...base, gate: "4", decision: "APPROVE" })).toEqual({ gate: "Choose a gateway" });
      expect(decideGatewaySchema.safeParse({ ...base, decision: "APPROVE" })).toMatchObject({
        success: true,
        data: { version: 3, gate: 2, conditions: [] },
      });
    });

    it("rejects with the reason and the failed criteria recorded", async () => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      await db().kpi.deleteMany({ where: { schemeId: s.id } });
      expect(
        await decide(finance, {
          schemeId: s.id,
          version: "1",
          gate: "2",
          decision: "REJECT",
          reason: "No way to measure the saving",
        }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "REJECTED",
        submittedGate: null,
        submittedAt: null,
        version: 2,
      });
      const [rejection] = await decisions(s.id);
      expect(rejection).toMatchObject({
        kind: "REJECTED",
        gate: 2,
        fromStage: "PLANNING",
        toStage: "REJECTED",
        reason: "No way to measure the saving",
        criteria: { gate: 2, passes: false, failures: [{ key: "kpis", message: "The scheme has no KPI." }] },
      });
    });

    it("defers: the stage stays, the submission is cleared, the scheme can be submitted again", async () => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      expect(
        await decide(finance, {
          schemeId: s.id,
          version: "1",
          gate: "2",
          decision: "DEFER",
          reason: "Wait for the Q2 figures",
        }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "PLANNING",
        submittedGate: null,
        submittedAt: null,
        version: 2,
        planLockedAt: null,
      });
      expect(await decisions(s.id)).toMatchObject([
        { kind: "DEFERRED", toStage: "PLANNING", reason: "Wait for the Q2 figures" },
      ]);
      expect(await submit(lead, { schemeId: s.id, version: "2", gate: "2" })).toMatchObject({ ok: true });
    });

    it("refuses a decision on a stale version with the 'changed by someone else' message", async () => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      await db().scheme.update({ where: { id: s.id }, data: { version: 2 } });
      const result = await refused("gateway.approve", s.id, () =>
        decide(finance, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" }),
      );
      expect(result).toMatchObject({
        code: "STALE",
        message:
          "The scheme was changed by someone else since you opened it. Reload to see their change, then try again.",
      });
    });
  });

  describe("the plan at and after gateway 2", () => {
    it("baselines the 12 months as baseline #1 and locks the plan; the lead can still save forecast and actual", async () => {
      const plan = [749_900n, ...Array<bigint>(10).fill(750_000n), 750_100n]; // £90k, not evenly
      const s = await createGateTwoReadyScheme(w, { plan, submittedAt: NOW });
      expect(await decide(finance, { schemeId: s.id, version: "1", gate: "2", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
      expect(await scheme(s.id)).toMatchObject({ stage: "DELIVERY", planLockedAt: NOW, version: 2 });
      expect(await db().planBaseline.findMany({ where: { schemeId: s.id } })).toMatchObject([
        { number: 1, financialYear: 2025, monthsPence: plan, reason: null, createdById: finance.userId },
      ]);

      const planChange = await saveMonths(lead, {
        schemeId: s.id,
        version: "2",
        financialYear: "2025/26",
        "plan.1": "1",
        "forecast.6": "8,000",
      });
      expect(planChange).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: {
          "plan.1": [expect.stringMatching(/^The plan is locked after gateway 2: ask finance to re-baseline/)],
        },
      });
      expect(await planOf(s.id)).toEqual(plan);
      // Finance cannot change it through the grid either.
      expect(
        await saveMonths(finance, { schemeId: s.id, version: "2", financialYear: "2025/26", "plan.12": "0" }),
      ).toMatchObject({ ok: false, fieldErrors: { "plan.12": expect.any(Array) } });

      expect(
        await saveMonths(lead, {
          schemeId: s.id,
          version: "2",
          financialYear: "2025/26",
          "forecast.6": "8,000",
          "actual.3": "7,400",
        }),
      ).toMatchObject({ ok: true });
      const june = await db().schemeMonth.findUniqueOrThrow({
        where: { schemeId_financialYear_month: { schemeId: s.id, financialYear: 2025, month: 3 } },
      });
      expect(june.actualPence).toBe(740_000n);
      expect(await planOf(s.id)).toEqual(plan);
    });

    it("lets finance re-baseline with a reason: baseline #2 and the new plan, baseline #1 kept", async () => {
      const s = await createGateThreeReadyScheme(w);
      const before = await db().planBaseline.findFirstOrThrow({ where: { schemeId: s.id, number: 1 } });
      const newPlan = ["0", "0", "0", ...Array<string>(9).fill("10,000")];
      expect(
        await rebaseline(finance, { schemeId: s.id, version: "1", reason: "Start slipped a quarter", plan: newPlan }),
      ).toMatchObject({ ok: true });
      const baselines = await db().planBaseline.findMany({ where: { schemeId: s.id }, orderBy: { number: "asc" } });
      expect(baselines).toHaveLength(2);
      expect(baselines[0]).toEqual(before);
      expect(baselines[1]).toMatchObject({
        number: 2,
        reason: "Start slipped a quarter",
        monthsPence: [0n, 0n, 0n, ...Array<bigint>(9).fill(1_000_000n)],
      });
      expect(await planOf(s.id)).toEqual([0n, 0n, 0n, ...Array<bigint>(9).fill(1_000_000n)]);
      expect(await scheme(s.id)).toMatchObject({ stage: "DELIVERY", version: 2 });
      expect((await decisions(s.id)).map((d) => [d.kind, d.reason])).toEqual([
        ["REBASELINED", "Start slipped a quarter"],
      ]);
    });

    it("refuses a re-baseline whose months do not add up to the in-year value (field error 'plan')", async () => {
      const s = await createGateThreeReadyScheme(w);
      const plan = [...Array<string>(11).fill("7,500"), "2,500"]; // £85k against £90k
      const result = await refused("gateway.rebaseline", s.id, () =>
        rebaseline(finance, { schemeId: s.id, version: "1", reason: "Reprofile", plan }),
      );
      expect(result).toMatchObject({
        code: "INVALID",
        fieldErrors: { plan: ["The new plan adds up to £85k but the in-year value is £90k"] },
      });
    });

    it("refuses a re-baseline without a reason or with fewer than 12 months (schema), and before the plan is locked", async () => {
      const s = await createGateTwoReadyScheme(w);
      const short = await rebaseline(finance, {
        schemeId: s.id,
        version: "1",
        reason: "",
        plan: Array<string>(11).fill("1"),
      });
      expect(short).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!short.ok) expect(Object.keys(short.fieldErrors ?? {}).sort()).toEqual(["plan", "reason"]);
      const unlocked = await refused("gateway.rebaseline", s.id, () =>
        rebaseline(finance, {
          schemeId: s.id,
          version: "1",
          reason: "Reprofile",
          plan: Array<string>(12).fill("7,500"),
        }),
      );
      expect(unlocked).toMatchObject({
        code: "INVALID",
        message: expect.stringMatching(/^The plan is not locked yet/),
      });
    });

    it("returning to planning unlocks the plan (its baselines stay) and clears the validated benefit", async () => {
      const s = await createGateThreeReadyScheme(w);
      expect(
        await returnTo(finance, { schemeId: s.id, version: "1", toStage: "PLANNING", reason: "Plan needs rework" }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "PLANNING",
        planLockedAt: null,
        benefitValidatedAt: null,
        version: 2,
      });
      expect(await db().planBaseline.count({ where: { schemeId: s.id } })).toBe(1);
      expect(
        await saveMonths(lead, {
          schemeId: s.id,
          version: "2",
          financialYear: "2025/26",
          "plan.1": "7,000",
          "plan.2": "8,000",
        }),
      ).toMatchObject({ ok: true });
      // Through gateway 2 again: baseline #2.
      expect(await submit(lead, { schemeId: s.id, version: "3", gate: "2" })).toMatchObject({ ok: true });
      expect(await decide(finance, { schemeId: s.id, version: "4", gate: "2", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
      expect(
        (await db().planBaseline.findMany({ where: { schemeId: s.id }, orderBy: { number: "asc" } })).map(
          (b) => b.number,
        ),
      ).toEqual([1, 2]);
    });

    it("refuses to return a scheme to a stage that is not earlier", async () => {
      const s = await createGateTwoReadyScheme(w);
      const result = await refused("gateway.return", s.id, () =>
        returnTo(finance, { schemeId: s.id, version: "1", toStage: "DELIVERY", reason: "Skip ahead" }),
      );
      expect(result).toMatchObject({
        code: "INVALID",
        fieldErrors: { toStage: ["A scheme in planning cannot be returned to delivery"] },
      });
    });

    // Found by this suite: a rejected scheme could once be "returned" past the gate that rejected it.
    it("refuses to 'return' a scheme rejected at gateway 1 to planning, which would skip gateway 1", async () => {
      const s = await createGateOneReadyScheme(w, { submittedAt: NOW });
      expect(
        await decide(finance, { schemeId: s.id, version: "1", gate: "1", decision: "REJECT", reason: "No case" }),
      ).toMatchObject({ ok: true });
      const result = await returnTo(finance, {
        schemeId: s.id,
        version: "2",
        toStage: "PLANNING",
        reason: "Try again",
      });
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
      expect(await scheme(s.id)).toMatchObject({ stage: "REJECTED" });
    });
  });

  describe("hold, resume, withdraw", () => {
    it("holds (clearing a pending submission) and resumes where the scheme was", async () => {
      const s = await createGateThreeReadyScheme(w, { submittedAt: NOW });
      expect(
        await move(lead, { schemeId: s.id, version: "1", move: "HOLD", reason: "Ward closed for refurbishment" }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "ON_HOLD",
        stageBeforeHold: "DELIVERY",
        submittedGate: null,
        submittedAt: null,
        version: 2,
      });
      const held = await refused("gateway.hold", s.id, () =>
        move(lead, { schemeId: s.id, version: "2", move: "HOLD", reason: "Again" }),
      );
      expect(held).toMatchObject({ code: "INVALID", message: "A scheme in on hold cannot be put on hold." });
      expect(
        await move(finance, { schemeId: s.id, version: "2", move: "RESUME", reason: "Ward reopened" }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({
        stage: "DELIVERY",
        stageBeforeHold: null,
        version: 3,
        planLockedAt: expect.any(Date),
      });
      expect((await decisions(s.id)).map((d) => [d.kind, d.fromStage, d.toStage])).toEqual([
        ["ON_HOLD", "DELIVERY", "ON_HOLD"],
        ["RESUMED", "ON_HOLD", "DELIVERY"],
      ]);
    });

    it("refuses to resume a scheme that is not on hold", async () => {
      const s = await createGateTwoReadyScheme(w);
      const result = await refused("gateway.resume", s.id, () =>
        move(lead, { schemeId: s.id, version: "1", move: "RESUME", reason: "Carry on" }),
      );
      expect(result).toMatchObject({ code: "INVALID", message: "Only a scheme on hold can be resumed." });
    });

    it("withdraws, clearing a submission; a withdrawn scheme cannot be withdrawn, held or resumed", async () => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      expect(
        await move(lead, { schemeId: s.id, version: "1", move: "WITHDRAW", reason: "Superseded by another scheme" }),
      ).toMatchObject({ ok: true });
      expect(await scheme(s.id)).toMatchObject({ stage: "WITHDRAWN", submittedGate: null, version: 2 });
      for (const m of ["WITHDRAW", "HOLD", "RESUME"] as const) {
        const result = await refused(`gateway.${m.toLowerCase()}`, s.id, () =>
          move(finance, { schemeId: s.id, version: "2", move: m, reason: "Try it" }),
        );
        expect(result).toMatchObject({ code: "INVALID" });
      }
    });

    it("requires a reason to hold (schema)", async () => {
      const s = await createGateTwoReadyScheme(w);
      expect(await move(lead, { schemeId: s.id, version: "1", move: "HOLD", reason: " " })).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { reason: expect.any(Array) },
      });
    });
  });

  describe("benefit validation and gateway 3", () => {
    it("validates the benefit only in delivery, only once", async () => {
      const planning = await createGateTwoReadyScheme(w);
      const notDelivery = await refused("gateway.validate_benefit", planning.id, () =>
        validate(finance, { schemeId: planning.id, version: "1" }),
      );
      expect(notDelivery).toMatchObject({
        code: "INVALID",
        message: "Only a scheme in delivery has a benefit to validate.",
      });

      const s = await createGateThreeReadyScheme(w, { benefitValidated: false });
      expect(await validate(finance, { schemeId: s.id, version: "1", note: "Ledger checked" })).toMatchObject({
        ok: true,
      });
      expect(await scheme(s.id)).toMatchObject({ benefitValidatedAt: NOW, stage: "DELIVERY", version: 2 });
      const twice = await refused("gateway.validate_benefit", s.id, () =>
        validate(pmo, { schemeId: s.id, version: "2" }),
      );
      expect(twice).toMatchObject({ code: "CONFLICT", message: "The benefit has already been validated." });
    });

    it("refuses the lead validating their own scheme's benefit, even as finance", async () => {
      const financeLead = w.gatewayActors["FINANCE director at the trust, the scheme's lead"];
      const s = await createGateThreeReadyScheme(w, { leadId: financeLead.userId, benefitValidated: false });
      const result = await refused("gateway.validate_benefit", s.id, () =>
        validate(financeLead, { schemeId: s.id, version: "1" }),
      );
      expect(result).toMatchObject({
        code: "FORBIDDEN",
        message: "You lead this scheme, so another member of finance must validate its benefit.",
      });
    });

    it("needs actuals for every elapsed month, a post-implementation review and a validated benefit", async () => {
      const s = await createGateThreeReadyScheme(w, { benefitValidated: false });
      await db().schemeMonth.update({
        where: { schemeId_financialYear_month: { schemeId: s.id, financialYear: 2025, month: 3 } },
        data: { actualPence: null },
      });
      await db().qualityReview.updateMany({ where: { assessment: { schemeId: s.id } }, data: { reopened: true } });
      const result = await refused("gateway.submit", s.id, () =>
        submit(lead, { schemeId: s.id, version: "1", gate: "3" }),
      );
      expect(result).toMatchObject({
        code: "INVALID",
        message:
          "Gateway 3 criteria are not met: Actuals are missing for M3 Jun of 2025/26. No post-implementation quality review has been recorded. Finance has not validated the benefit.",
      });

      expect(
        await saveMonths(lead, { schemeId: s.id, version: "1", financialYear: "2025/26", "actual.3": "7,400" }),
      ).toMatchObject({ ok: true });
      const qia = await db().qualityAssessment.findFirstOrThrow({ where: { schemeId: s.id } });
      await db().qualityReview.create({
        data: {
          assessmentId: qia.id,
          reviewedById: w.actors["CLINICAL_APPROVER at the trust"].userId,
          findings: "Reviewed again: fine",
        },
      });
      expect(await validate(finance, { schemeId: s.id, version: "2" })).toMatchObject({ ok: true });
      expect(await submit(lead, { schemeId: s.id, version: "3", gate: "3" })).toMatchObject({ ok: true });
      expect(await decide(finance, { schemeId: s.id, version: "4", gate: "3", decision: "APPROVE" })).toMatchObject({
        ok: true,
      });
      expect(await scheme(s.id)).toMatchObject({ stage: "COMPLETE", submittedGate: null, version: 5 });
      expect((await decisions(s.id)).at(-1)).toMatchObject({
        kind: "APPROVED",
        gate: 3,
        toStage: "COMPLETE",
        criteria: { gate: 3, passes: true, failures: [] },
      });
    });
  });

  describe("conditions", () => {
    it("marks a condition met once; the second time is a CONFLICT and changes nothing", async () => {
      const s = await createGateTwoReadyScheme(w);
      const condition = await createOpenCondition(w, s.id);
      expect(await meet(finance, { conditionId: condition.id, note: "Agreed at JNCC" })).toMatchObject({ ok: true });
      const met = await db().trackedCondition.findUniqueOrThrow({ where: { id: condition.id } });
      expect(met).toMatchObject({ metAt: NOW, metById: finance.userId, metNote: "Agreed at JNCC" });
      const lastId = await lastAuditId();
      expect(await meet(pmo, { conditionId: condition.id })).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: "This condition has already been marked met.",
      });
      expect(await db().trackedCondition.findUniqueOrThrow({ where: { id: condition.id } })).toEqual(met);
      expect(await auditEventsAfter(lastId)).toMatchObject([
        {
          action: "gateway.condition.met.refused",
          actorId: pmo.userId,
          entityId: condition.id,
          organisationId: w.trustId,
        },
      ]);
    });

    it("does not treat a QIA sign-off's condition as a gateway condition", async () => {
      const s = await createGateTwoReadyScheme(w, { qiaFullRequired: true });
      const signOff = await db().qualitySignOff.findFirstOrThrow({ where: { assessment: { schemeId: s.id } } });
      const condition = await db().trackedCondition.create({
        data: { schemeId: s.id, qualitySignOffId: signOff.id, description: "Audit falls monthly" },
      });
      expect(await meet(finance, { conditionId: condition.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    });
  });
});

describe("the approver pipeline and dashboard counts", () => {
  useTestDatabase();

  let p: GatewayWorld;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A world of its own: nothing else is submitted in its organisations.
    p = await createGatewayWorld();
    const at = (day: number) => new Date(Date.UTC(2025, 6, day, 9));
    ids.newest = (await createGateTwoReadyScheme(p, { submittedAt: at(14), title: "Newest" })).id;
    ids.oldest = (await createGateOneReadyScheme(p, { submittedAt: at(2), title: "Oldest" })).id;
    ids.middle = (await createGateThreeReadyScheme(p, { submittedAt: at(9), title: "Middle" })).id;
    ids.notSubmitted = (
      await createGateTwoReadyScheme(p, {
        title: "Not submitted",
        qiaFullRequired: true,
        qiaStatus: "AWAITING_SIGN_OFF",
      })
    ).id;
    ids.otherTrust = (
      await createGateOneReadyScheme(p, {
        organisationId: p.otherTrustId,
        submittedAt: at(1),
        title: "Other trust",
        qiaFullRequired: true,
        qiaStatus: "AWAITING_SIGN_OFF",
      })
    ).id;
  });

  it("lists the trust's submitted schemes, oldest submission first, with whether this approver may decide", async () => {
    const pipeline = await findGatewayPipeline(p.actors["FINANCE at the trust"]);
    expect(pipeline.map((r) => [r.title, r.gate, r.mayDecide])).toEqual([
      ["Oldest", 1, true],
      ["Middle", 3, true],
      ["Newest", 2, true],
    ]);
    // The PMO sees the same schemes but may only decide gate 1 of these £120k schemes.
    const forPmo = await findGatewayPipeline(p.gatewayActors["PMO at the trust"]);
    expect(forPmo.map((r) => [r.title, r.mayDecide, r.refusal])).toEqual([
      ["Oldest", true, null],
      ["Middle", false, "Schemes with a full-year effect of £50,000 or more need the finance director at gateway 3."],
      ["Newest", false, "Schemes with a full-year effect of £50,000 or more need the finance director at gateway 2."],
    ]);
  });

  it("shows the system-wide ICB finance both trusts, and nothing to other systems or other trusts' finance", async () => {
    expect((await findGatewayPipeline(p.actors["FINANCE at the ICB, system-wide"])).map((r) => r.title)).toEqual([
      "Other trust",
      "Oldest",
      "Middle",
      "Newest",
    ]);
    expect((await findGatewayPipeline(p.actors["FINANCE at another trust of the system"])).map((r) => r.title)).toEqual(
      ["Other trust"],
    );
    expect(await findGatewayPipeline(p.actors["FINANCE at another system's ICB, system-wide"])).toEqual([]);
    // A lead sees the pipeline of their organisation but may decide nothing.
    expect(
      (await findGatewayPipeline(p.actors["LEAD at the trust, the scheme's lead"])).map((r) => r.mayDecide),
    ).toEqual([false, false, false]);
  });

  it("counts schemes awaiting a decision and QIAs awaiting signature within scope", async () => {
    const icb = p.actors["FINANCE at the ICB, system-wide"];
    const outsider = p.actors["FINANCE at another system's ICB, system-wide"];
    expect(await countSchemesAwaitingDecision(p.actors["FINANCE at the trust"])).toBe(3);
    expect(await countSchemesAwaitingDecision(icb)).toBe(4);
    expect(await countSchemesAwaitingDecision(icb, [p.otherTrustId])).toBe(1);
    expect(await countSchemesAwaitingDecision(outsider)).toBe(0);
    // Naming an organisation outside the actor's scope does not widen it.
    expect(await countSchemesAwaitingDecision(outsider, [p.trustId, p.otherTrustId])).toBe(0);

    expect(await countQiasAwaitingSignature(p.actors["FINANCE at the trust"])).toBe(1);
    expect(await countQiasAwaitingSignature(icb)).toBe(2);
    expect(await countQiasAwaitingSignature(icb, [p.trustId])).toBe(1);
    expect(await countQiasAwaitingSignature(outsider)).toBe(0);
    expect(await countQiasAwaitingSignature(outsider, [p.trustId])).toBe(0);
  });

  it("drops a scheme from the pipeline once decided", async () => {
    expect(
      await decide(p.actors["FINANCE at the trust"], {
        schemeId: ids.oldest!,
        version: "1",
        gate: "1",
        decision: "APPROVE",
      }),
    ).toMatchObject({ ok: true });
    expect((await findGatewayPipeline(p.actors["FINANCE at the trust"])).map((r) => r.title)).toEqual([
      "Middle",
      "Newest",
    ]);
    expect(await countSchemesAwaitingDecision(p.actors["FINANCE at the trust"])).toBe(2);
  });
});
