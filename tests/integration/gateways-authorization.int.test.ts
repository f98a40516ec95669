import { beforeAll, describe, expect, it } from "vitest";
import { decideGateway } from "@/modules/gateways/decide-gateway";
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
import { addSchemeKpi, addSchemeMilestone, setMilestoneStatus } from "@/modules/schemes/scheme-milestones";
import {
  addMilestoneSchema,
  addSchemeKpiSchema,
  setMilestoneStatusSchema,
} from "@/modules/schemes/scheme-plan-schemas";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  GATEWAY_ACTORS,
  NOW,
  checkGatewayCell,
  createGateOneReadyScheme,
  createGateThreeReadyScheme,
  createGateTwoReadyScheme,
  createGatewayWorld,
  createOpenCondition,
  type GatewayActorKey,
  type GatewayCellSpec,
  type GatewayOutcome,
  type GatewayWorld,
} from "../factories/gateways";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may do what at a gateway (DESIGN.md sections 1 and 3). Every gateway write x every actor
 * of the scheme world plus the trust's PMO and a finance director who leads the scheme. The
 * schemes are worth £120k a year, so gates 2 and 3 need the finance director, not the PMO.
 * A refusal writes nothing but, for the writes that go through withRefusalsAudited, one
 * "<action>.refused" audit event (authedAction's "access.denied" needs a request: not here).
 */

let w: GatewayWorld;

/* The expected outcome of every cell. Y = allowed, F = FORBIDDEN, N = NOT_FOUND (cannot see it). */
const COLUMNS = [
  "FINANCE at the trust",
  "LEAD at the trust, the scheme's lead",
  "LEAD at the trust, not the scheme's lead",
  "CLINICAL_APPROVER at the trust",
  "BOARD at the trust",
  "ADMIN at the trust",
  "FINANCE at the ICB, system-wide",
  "FINANCE at another trust of the system",
  "FINANCE at another system's ICB, system-wide",
  "PMO at the trust",
  "FINANCE director at the trust, the scheme's lead",
] as const satisfies readonly GatewayActorKey[];

type Cell = "Y" | "F" | "N";
// prettier-ignore
const TABLE = {
  //                        FIN  LEAD  LEAD2 CLIN BOARD ADMIN ICB  TRUST2 OTHSYS PMO  FINLEAD
  "submit":                ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "approve":               ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "F", "F"],
  "reject":                ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "F", "F"],
  "defer":                 ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "F", "F"],
  "return":                ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "hold":                  ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "resume":                ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "withdraw":              ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "rebaseline":            ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "F"],
  "validate benefit":      ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "F"],
  "meet condition":        ["Y", "F",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "F"],
  "add milestone":         ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "set milestone status":  ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
  "add scheme KPI":        ["Y", "Y",  "F",  "F", "F",  "F",  "Y", "N",   "N",   "Y", "Y"],
} as const satisfies Record<string, readonly Cell[]>;
type ActionName = keyof typeof TABLE;

const OUTCOME: Record<Cell, GatewayOutcome> = { Y: "allowed", F: "FORBIDDEN", N: "NOT_FOUND" };
function expectedFor(action: ActionName): Record<GatewayActorKey, GatewayOutcome> {
  return Object.fromEntries(COLUMNS.map((key, i) => [key, OUTCOME[TABLE[action][i]!]])) as Record<
    GatewayActorKey,
    GatewayOutcome
  >;
}

const scheme = (id: string) => db().scheme.findUniqueOrThrow({ where: { id } });
const lastDecision = (schemeId: string) =>
  db().gatewayDecision.findFirstOrThrow({
    where: { schemeId },
    orderBy: { decidedAt: "desc" },
    include: { conditions: true },
  });

/* ---------------------------------------------------------------------------------------------- */

const decide = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(decideGatewaySchema, (a, input) => decideGateway(a, input, NOW), actor, raw);

function decisionSpec(action: "approve" | "reject" | "defer"): GatewayCellSpec {
  const decision = action.toUpperCase();
  return {
    name: `decideGateway ${decision} at gateway 2`,
    expected: expectedFor(action),
    action: { approve: "gateway.approved", reject: "gateway.rejected", defer: "gateway.deferred" }[action],
    refusedAction: `gateway.${action}.refused`,
    changes:
      action === "approve"
        ? { gateway_decision: 1, plan_baseline: 1, tracked_condition: 1, audit_event: 1 }
        : { gateway_decision: 1, audit_event: 1 },
    prepare: async (leadId) => {
      const s = await createGateTwoReadyScheme(w, { leadId, submittedAt: NOW });
      const raw =
        action === "approve"
          ? {
              schemeId: s.id,
              version: "1",
              gate: "2",
              decision,
              reason: "",
              conditions: "Report bank fill rate in October",
            }
          : { schemeId: s.id, version: "1", gate: "2", decision, reason: "Savings not yet evidenced" };
      return {
        schemeId: s.id,
        raw,
        verify: async (actor) => {
          const after = await scheme(s.id);
          expect(after).toMatchObject({
            stage: { approve: "DELIVERY", reject: "REJECTED", defer: "PLANNING" }[action],
            version: 2,
            submittedGate: null,
            submittedAt: null,
            planLockedAt: action === "approve" ? NOW : null,
          });
          const d = await lastDecision(s.id);
          expect(d).toMatchObject({
            gate: 2,
            decidedById: actor.userId,
            schemeVersion: 1,
            criteria: { gate: 2, passes: true, failures: [] },
          });
          if (action === "approve")
            expect(d.conditions.map((c) => c.description)).toEqual(["Report bank fill rate in October"]);
        },
      };
    },
    run: decide,
  };
}

const submitSpec: GatewayCellSpec = {
  name: "submitForGateway (gateway 1)",
  expected: expectedFor("submit"),
  action: "gateway.submitted",
  refusedAction: "gateway.submit.refused",
  changes: { gateway_decision: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateOneReadyScheme(w, { leadId });
    return {
      schemeId: s.id,
      raw: { schemeId: s.id, version: "1", gate: "1" },
      verify: async (actor) => {
        expect(await scheme(s.id)).toMatchObject({
          stage: "OPPORTUNITY",
          submittedGate: 1,
          submittedAt: NOW,
          version: 2,
        });
        expect(await lastDecision(s.id)).toMatchObject({ kind: "SUBMITTED", gate: 1, decidedById: actor.userId });
      },
    };
  },
  run: (actor, raw) => runAction(submitForGatewaySchema, (a, input) => submitForGateway(a, input, NOW), actor, raw),
};

const returnSpec: GatewayCellSpec = {
  name: "returnScheme (delivery to planning)",
  expected: expectedFor("return"),
  action: "gateway.returned",
  refusedAction: "gateway.return.refused",
  changes: { gateway_decision: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateThreeReadyScheme(w, { leadId });
    return {
      schemeId: s.id,
      raw: { schemeId: s.id, version: "1", toStage: "PLANNING", reason: "Plan needs rework" },
      verify: async () => {
        expect(await scheme(s.id)).toMatchObject({
          stage: "PLANNING",
          version: 2,
          planLockedAt: null,
          benefitValidatedAt: null,
        });
        expect(await lastDecision(s.id)).toMatchObject({
          kind: "RETURNED",
          fromStage: "DELIVERY",
          toStage: "PLANNING",
          reason: "Plan needs rework",
        });
      },
    };
  },
  run: (actor, raw) => runAction(returnSchemeSchema, returnScheme, actor, raw),
};

function moveSpec(move: "HOLD" | "RESUME" | "WITHDRAW"): GatewayCellSpec {
  const name = move === "HOLD" ? "hold" : move === "RESUME" ? "resume" : "withdraw";
  const toStage = { HOLD: "ON_HOLD", RESUME: "PLANNING", WITHDRAW: "WITHDRAWN" }[move];
  return {
    name: `moveSchemeStage ${move}`,
    expected: expectedFor(name),
    action: { HOLD: "gateway.on_hold", RESUME: "gateway.resumed", WITHDRAW: "gateway.withdrawn" }[move],
    refusedAction: `gateway.${name}.refused`,
    changes: { gateway_decision: 1, audit_event: 1 },
    prepare: async (leadId) => {
      const s = await createGateTwoReadyScheme(w, { leadId });
      if (move === "RESUME")
        await db().scheme.update({ where: { id: s.id }, data: { stage: "ON_HOLD", stageBeforeHold: "PLANNING" } });
      return {
        schemeId: s.id,
        raw: { schemeId: s.id, version: "1", move, reason: "Ward reconfiguration" },
        verify: async () => {
          expect(await scheme(s.id)).toMatchObject({
            stage: toStage,
            version: 2,
            stageBeforeHold: move === "HOLD" ? "PLANNING" : null,
          });
        },
      };
    },
    run: (actor, raw) => runAction(moveSchemeSchema, moveSchemeStage, actor, raw),
  };
}

// £90k in-year value: six months of £5,000 and six of £10,000.
const NEW_PLAN = [...Array<string>(6).fill("5,000"), ...Array<string>(6).fill("10,000")];
const rebaselineSpec: GatewayCellSpec = {
  name: "rebaselinePlan",
  expected: expectedFor("rebaseline"),
  action: "gateway.rebaselined",
  refusedAction: "gateway.rebaseline.refused",
  // Two events: the plan change (before/after) and the gateway history entry.
  changes: { plan_baseline: 1, gateway_decision: 1, audit_event: 2 },
  prepare: async (leadId) => {
    const s = await createGateThreeReadyScheme(w, { leadId });
    return {
      schemeId: s.id,
      raw: { schemeId: s.id, version: "1", reason: "Start slipped a quarter", plan: NEW_PLAN },
      verify: async (actor) => {
        const baselines = await db().planBaseline.findMany({ where: { schemeId: s.id }, orderBy: { number: "asc" } });
        expect(baselines.map((b) => [b.number, b.reason])).toEqual([
          [1, null],
          [2, "Start slipped a quarter"],
        ]);
        expect(baselines[1]).toMatchObject({ createdById: actor.userId });
        const months = await db().schemeMonth.findMany({ where: { schemeId: s.id }, orderBy: { month: "asc" } });
        expect(months.map((m) => m.planPence)).toEqual([
          ...Array<bigint>(6).fill(500_000n),
          ...Array<bigint>(6).fill(1_000_000n),
        ]);
      },
    };
  },
  run: (actor, raw) => runAction(rebaselinePlanSchema, rebaselinePlan, actor, raw),
};

const validateSpec: GatewayCellSpec = {
  name: "validateBenefit",
  expected: expectedFor("validate benefit"),
  action: "gateway.benefit_validated",
  refusedAction: "gateway.validate_benefit.refused",
  changes: { gateway_decision: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateThreeReadyScheme(w, { leadId, benefitValidated: false });
    return {
      schemeId: s.id,
      raw: { schemeId: s.id, version: "1", note: "Agency ledger down £22.5k in Q1" },
      verify: async () => {
        expect(await scheme(s.id)).toMatchObject({ stage: "DELIVERY", version: 2, benefitValidatedAt: NOW });
      },
    };
  },
  run: (actor, raw) => runAction(validateBenefitSchema, (a, input) => validateBenefit(a, input, NOW), actor, raw),
};

const meetSpec: GatewayCellSpec = {
  name: "meetGatewayCondition",
  expected: expectedFor("meet condition"),
  action: "gateway.condition.met",
  refusedAction: "gateway.condition.met.refused",
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateTwoReadyScheme(w, { leadId });
    const condition = await createOpenCondition(w, s.id);
    return {
      schemeId: s.id,
      raw: { conditionId: condition.id, note: "Rates agreed 3 July" },
      refusedEntity: { entityType: "tracked_condition", entityId: condition.id },
      verify: async (actor) => {
        expect(await db().trackedCondition.findUniqueOrThrow({ where: { id: condition.id } })).toMatchObject({
          metAt: NOW,
          metById: actor.userId,
          metNote: "Rates agreed 3 July",
        });
      },
    };
  },
  run: (actor, raw) => runAction(meetConditionSchema, (a, input) => meetGatewayCondition(a, input, NOW), actor, raw),
};

const addMilestoneSpec: GatewayCellSpec = {
  name: "addSchemeMilestone",
  expected: expectedFor("add milestone"),
  action: "scheme.milestone.add",
  refusedAction: null,
  changes: { scheme_milestone: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateOneReadyScheme(w, { leadId });
    return {
      schemeId: s.id,
      raw: { schemeId: s.id, description: "Rota live on ward 4", dueDate: "2025-09-30" },
      verify: async () => {
        expect(await db().schemeMilestone.findMany({ where: { schemeId: s.id } })).toMatchObject([
          { description: "Rota live on ward 4", dueDate: new Date("2025-09-30T00:00:00Z"), status: "NOT_STARTED" },
        ]);
      },
    };
  },
  run: (actor, raw) => runAction(addMilestoneSchema, addSchemeMilestone, actor, raw),
};

const setMilestoneSpec: GatewayCellSpec = {
  name: "setMilestoneStatus",
  expected: expectedFor("set milestone status"),
  action: "scheme.milestone.status",
  refusedAction: null,
  changes: { audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateTwoReadyScheme(w, { leadId });
    const milestone = await db().schemeMilestone.findFirstOrThrow({ where: { schemeId: s.id } });
    return {
      schemeId: s.id,
      raw: { milestoneId: milestone.id, status: "DONE" },
      verify: async () => {
        expect(await db().schemeMilestone.findUniqueOrThrow({ where: { id: milestone.id } })).toMatchObject({
          status: "DONE",
        });
      },
    };
  },
  run: (actor, raw) => runAction(setMilestoneStatusSchema, setMilestoneStatus, actor, raw),
};

const addKpiSpec: GatewayCellSpec = {
  name: "addSchemeKpi",
  expected: expectedFor("add scheme KPI"),
  action: "scheme.kpi.add",
  refusedAction: null,
  changes: { kpi: 1, audit_event: 1 },
  prepare: async (leadId) => {
    const s = await createGateOneReadyScheme(w, { leadId });
    return {
      schemeId: s.id,
      raw: {
        schemeId: s.id,
        name: "Bank fill rate",
        unit: "%",
        direction: "HIGHER_IS_BETTER",
        baseline: "40",
        target: "75.5",
      },
      verify: async () => {
        const kpis = await db().kpi.findMany({ where: { schemeId: s.id } });
        expect(kpis).toHaveLength(1);
        expect(kpis[0]).toMatchObject({ name: "Bank fill rate", unit: "%", programmeId: null });
        expect([kpis[0]!.baseline?.toString(), kpis[0]!.target?.toString()]).toEqual(["40", "75.5"]);
      },
    };
  },
  run: (actor, raw) => runAction(addSchemeKpiSchema, addSchemeKpi, actor, raw),
};

const SPECS: GatewayCellSpec[] = [
  submitSpec,
  decisionSpec("approve"),
  decisionSpec("reject"),
  decisionSpec("defer"),
  returnSpec,
  moveSpec("HOLD"),
  moveSpec("RESUME"),
  moveSpec("WITHDRAW"),
  rebaselineSpec,
  validateSpec,
  meetSpec,
  addMilestoneSpec,
  setMilestoneSpec,
  addKpiSpec,
];

describe("gateway writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createGatewayWorld();
  });

  it("has a row in the table for every gateway write and a column for every actor", () => {
    expect(SPECS).toHaveLength(Object.keys(TABLE).length);
    expect([...COLUMNS].sort()).toEqual([...GATEWAY_ACTORS].sort());
  });

  describe.each(SPECS)("$name", (spec) => {
    it.each(GATEWAY_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key) => {
      await checkGatewayCell(w, spec, key);
    });
  });

  it("names the reason in the refusal of a lead approving their own scheme and of a PMO above the threshold", async () => {
    const financeLead = w.gatewayActors["FINANCE director at the trust, the scheme's lead"];
    const own = await createGateTwoReadyScheme(w, { leadId: financeLead.userId, submittedAt: NOW });
    expect(await decide(financeLead, { schemeId: own.id, version: "1", gate: "2", decision: "APPROVE" })).toMatchObject(
      {
        ok: false,
        code: "FORBIDDEN",
        message: "You lead this scheme, so you cannot decide its gateway: another approver must.",
      },
    );
    const big = await createGateTwoReadyScheme(w, { submittedAt: NOW });
    expect(
      await decide(w.gatewayActors["PMO at the trust"], {
        schemeId: big.id,
        version: "1",
        gate: "2",
        decision: "REJECT",
        reason: "Not evidenced",
      }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: "Schemes with a full-year effect of £50,000 or more need the finance director at gateway 2.",
    });
  });

  // Found by this suite: meet-condition once left no evidence of a refusal, unlike every other gateway write.
  it("audits a refused attempt to mark a gateway condition met, like every other gateway write", async () => {
    const s = await createGateTwoReadyScheme(w);
    const condition = await createOpenCondition(w, s.id);
    const lastId = await lastAuditId();
    const result = await runAction(
      meetConditionSchema,
      meetGatewayCondition,
      w.actors["LEAD at the trust, the scheme's lead"],
      { conditionId: condition.id },
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await auditEventsAfter(lastId)).toMatchObject([
      { action: expect.stringMatching(/\.refused$/), actorId: w.leadId },
    ]);
  });
});
