import { beforeAll, describe, expect, it } from "vitest";
import {
  addRiskActionSchema,
  closeRiskSchema,
  createRiskSchema,
  setRiskActionStatusSchema,
  updateRiskSchema,
} from "@/modules/risks/risk-schemas";
import { addRiskAction, closeRisk, createRisk, setRiskActionStatus, updateRisk } from "@/modules/risks/risk-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { uniqueToken } from "../factories";
import { countChanges } from "../factories/programmes";
import {
  RISK_ACTORS,
  checkRiskCell,
  createRiskActionRow,
  createRiskRow,
  createRiskWorld,
  riskForm,
  riskOutcomes,
  riskState,
  riskUpdateForm,
  type RiskActorKey,
  type RiskMatrixSpec,
  type RiskOutcome,
  type RiskWorld,
} from "../factories/risks";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may write to a risk register: finance/PMO (risk.manage.any) every risk of the programme's
 * organisation, or of the whole system for a system programme; a lead (risk.manage.own) only
 * risks they own. Board, clinical approvers and administrators never; other organisations'
 * and systems' users do not even see the risk (NOT_FOUND).
 */

let w: RiskWorld;

type Kind = "trust programme" | "system programme";
const KINDS: Kind[] = ["trust programme", "system programme"];
const OWNER: RiskActorKey = "LEAD at the trust, the risk's owner";
const NOT_OWNER: RiskActorKey = "LEAD at the trust, not the owner";
const user = (key: RiskActorKey) => w.actors[key].userId;
const programmeOf = (kind: Kind) => (kind === "trust programme" ? w.trustProgrammeId : w.systemProgrammeId);
const organisationOf = (kind: Kind) => (kind === "trust programme" ? w.trustId : null);

/** Who changes an existing risk owned by OWNER. */
const MANAGE: Record<Kind, Record<RiskActorKey, RiskOutcome>> = {
  "trust programme": riskOutcomes(
    ["FINANCE at the trust", OWNER, "FINANCE at the ICB, system-wide"],
    ["FINANCE at another trust of the system", "FINANCE at another system's ICB, system-wide"],
  ),
  "system programme": riskOutcomes(
    ["FINANCE at the trust", OWNER, "FINANCE at the ICB, system-wide", "FINANCE at another trust of the system"],
    ["FINANCE at another system's ICB, system-wide"],
  ),
};

/** Raising a risk owned by OWNER: a lead who is not OWNER gets a field error on ownerId. */
const RAISE: Record<Kind, Record<RiskActorKey, RiskOutcome>> = {
  "trust programme": { ...MANAGE["trust programme"], [NOT_OWNER]: { invalid: "ownerId" } },
  "system programme": { ...MANAGE["system programme"], [NOT_OWNER]: { invalid: "ownerId" } },
};

const ownedRisk = (kind: Kind) =>
  createRiskRow({ programmeId: programmeOf(kind), ownerId: user(OWNER), current: [3, 3], target: [2, 2] });

function createRiskSpec(kind: Kind): RiskMatrixSpec {
  return {
    name: `createRisk (${kind})`,
    expected: RAISE[kind],
    action: "risk.create",
    changes: { risk: 1, risk_score_change: 1, audit_event: 1 },
    prepare: async () => {
      const raw = riskForm(programmeOf(kind), user(OWNER));
      return {
        raw,
        organisationId: organisationOf(kind),
        snapshot: () => db().risk.count({ where: { title: raw.title as string } }),
        verify: async ({ riskId }, actor) => {
          const risk = await db().risk.findUniqueOrThrow({ where: { id: riskId }, include: { scoreChanges: true } });
          expect(risk).toMatchObject({
            programmeId: programmeOf(kind),
            workstreamId: null,
            title: raw.title,
            ownerId: user(OWNER),
            category: "FINANCIAL",
            inherentLikelihood: 4,
            currentLikelihood: 3,
            currentConsequence: 3,
            currentScore: 9,
            targetScore: 4,
            status: "OPEN",
            version: 1,
            reviewDate: new Date("2026-12-31T00:00:00.000Z"),
          });
          expect(risk.scoreChanges).toMatchObject([
            { changedById: actor.userId, currentLikelihood: 3, currentConsequence: 3, currentScore: 9, targetScore: 4 },
          ]);
        },
      };
    },
    run: (actor, raw) =>
      runAction(createRiskSchema, async (a, input) => ({ riskId: (await createRisk(a, input)).id }), actor, raw),
  };
}

function updateRiskSpec(kind: Kind): RiskMatrixSpec {
  return {
    name: `updateRisk to 4x4 (${kind})`,
    expected: MANAGE[kind],
    action: "risk.update",
    changes: { risk_score_change: 1, audit_event: 1 },
    prepare: async () => {
      const risk = await ownedRisk(kind);
      const title = `Rescored ${uniqueToken()}`;
      return {
        raw: riskUpdateForm(risk, { title, currentLikelihood: "4", currentConsequence: "4" }),
        organisationId: organisationOf(kind),
        snapshot: riskState(risk.id),
        verify: async (_written, actor) => {
          const after = await riskState(risk.id)();
          expect(after).toMatchObject({
            title,
            currentLikelihood: 4,
            currentConsequence: 4,
            currentScore: 16,
            targetScore: 4,
            version: 2,
            ownerId: user(OWNER),
          });
          expect(after.scoreChanges).toMatchObject([{ changedById: actor.userId, currentScore: 16, targetScore: 4 }]);
        },
      };
    },
    run: (actor, raw) =>
      runAction(updateRiskSchema, async (a, input) => ({ riskId: (await updateRisk(a, input)).id }), actor, raw),
  };
}

function closeRiskSpec(kind: Kind): RiskMatrixSpec {
  return {
    name: `closeRisk (${kind})`,
    expected: MANAGE[kind],
    action: "risk.close",
    changes: { audit_event: 1 },
    prepare: async () => {
      const risk = await ownedRisk(kind);
      return {
        raw: { riskId: risk.id, version: "1", closureReason: "Agency cap now met for six months" },
        organisationId: organisationOf(kind),
        snapshot: riskState(risk.id),
        verify: async () => {
          const after = await db().risk.findUniqueOrThrow({ where: { id: risk.id } });
          expect(after).toMatchObject({
            status: "CLOSED",
            closureReason: "Agency cap now met for six months",
            version: 2,
          });
          expect(after.closedAt).toBeInstanceOf(Date);
        },
      };
    },
    run: (actor, raw) =>
      runAction(closeRiskSchema, async (a, input) => ({ riskId: (await closeRisk(a, input)).id }), actor, raw),
  };
}

function addRiskActionSpec(kind: Kind): RiskMatrixSpec {
  return {
    name: `addRiskAction (${kind})`,
    expected: MANAGE[kind],
    action: "risk.action.add",
    changes: { risk_action: 1, audit_event: 1 },
    prepare: async () => {
      const risk = await ownedRisk(kind);
      return {
        // The action goes to another lead: whoever manages the risk may delegate its actions.
        raw: {
          riskId: risk.id,
          description: "Weekly agency approval panel",
          ownerId: user(NOT_OWNER),
          dueDate: "2026-09-30",
        },
        organisationId: organisationOf(kind),
        snapshot: riskState(risk.id),
        verify: async () => {
          const actions = await db().riskAction.findMany({ where: { riskId: risk.id } });
          expect(actions).toMatchObject([
            {
              description: "Weekly agency approval panel",
              ownerId: user(NOT_OWNER),
              dueDate: new Date("2026-09-30T00:00:00.000Z"),
              status: "OPEN",
              completedAt: null,
            },
          ]);
          expect(await db().risk.findUniqueOrThrow({ where: { id: risk.id } })).toMatchObject({ version: 1 });
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        addRiskActionSchema,
        async (a, input) => ({ riskId: (await addRiskAction(a, input)).riskId }),
        actor,
        raw,
      ),
  };
}

function setRiskActionStatusSpec(kind: Kind): RiskMatrixSpec {
  return {
    name: `setRiskActionStatus, action owned by the risk's owner (${kind})`,
    expected: MANAGE[kind],
    action: "risk.action.status",
    changes: { audit_event: 1 },
    prepare: async () => {
      const risk = await ownedRisk(kind);
      const action = await createRiskActionRow({ riskId: risk.id, ownerId: user(OWNER), dueDate: "2026-09-30" });
      return {
        raw: { actionId: action.id, status: "DONE" },
        organisationId: organisationOf(kind),
        snapshot: riskState(risk.id),
        verify: async () => {
          const after = await db().riskAction.findUniqueOrThrow({ where: { id: action.id } });
          expect(after).toMatchObject({ status: "DONE" });
          expect(after.completedAt).toBeInstanceOf(Date);
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        setRiskActionStatusSchema,
        async (a, input) => ({ riskId: (await setRiskActionStatus(a, input)).riskId }),
        actor,
        raw,
      ),
  };
}

const SPECS: RiskMatrixSpec[] = [
  createRiskSpec,
  updateRiskSpec,
  closeRiskSpec,
  addRiskActionSpec,
  setRiskActionStatusSpec,
].flatMap((make) => KINDS.map(make));

const update = (actor: Actor, raw: Record<string, unknown>) => runAction(updateRiskSchema, updateRisk, actor, raw);
const setStatus = (actor: Actor, actionId: string, status: string) =>
  runAction(setRiskActionStatusSchema, setRiskActionStatus, actor, { actionId, status });

describe("risk writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createRiskWorld();
  });

  describe.each(SPECS)("$name", (spec) => {
    it.each(RISK_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %o", async (key, expected) => {
      await checkRiskCell(spec, w.actors[key], expected);
    });
  });

  it("tells a lead who raises a risk for someone else to own it themselves", async () => {
    const raw = riskForm(w.trustProgrammeId, user(OWNER));
    const before = await rowCounts();
    const result = await runAction(createRiskSchema, createRisk, w.actors[NOT_OWNER], raw);
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { ownerId: [expect.stringMatching(/raise risks that you own/)] },
    });
    expect(await rowCounts()).toEqual(before);
    // Owning it themselves is fine.
    expect(
      await runAction(createRiskSchema, createRisk, w.actors[NOT_OWNER], { ...raw, ownerId: user(NOT_OWNER) }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ["the risk's owner", OWNER],
    ["finance", "FINANCE at the trust"],
  ] as const)("records no score change when %s changes only the title", async (_label, key) => {
    const risk = await ownedRisk("trust programme");
    const counts = await rowCounts();
    const lastId = await lastAuditId();
    const result = await update(w.actors[key], riskUpdateForm(risk, { title: `Retitled ${uniqueToken()}` }));
    expect(result).toMatchObject({ ok: true, data: { version: 2, currentScore: 9 } });
    expect(countChanges(counts, await rowCounts())).toEqual({ audit_event: 1 });
    expect(await db().riskScoreChange.count({ where: { riskId: risk.id } })).toBe(0);
    const [event] = await auditEventsAfter(lastId);
    expect(event).toMatchObject({
      action: "risk.update",
      entityId: risk.id,
      before: { title: risk.title, version: 1 },
      after: { version: 2 },
    });
  });

  it("records a score change when only the target moves", async () => {
    const risk = await ownedRisk("trust programme");
    expect(
      await update(w.actors[OWNER], riskUpdateForm(risk, { targetLikelihood: "1", targetConsequence: "3" })),
    ).toMatchObject({ ok: true });
    expect(await db().riskScoreChange.findMany({ where: { riskId: risk.id } })).toMatchObject([
      { currentScore: 9, targetScore: 3 },
    ]);
  });

  it("lets only finance hand a risk to another owner, after which only the new owner (of the leads) may change it", async () => {
    const risk = await ownedRisk("trust programme");
    const handOver = riskUpdateForm(risk, { ownerId: user(NOT_OWNER) });
    const before = await riskState(risk.id)();
    expect(await update(w.actors[OWNER], handOver)).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await riskState(risk.id)()).toEqual(before);

    expect(await update(w.actors["FINANCE at the trust"], handOver)).toMatchObject({
      ok: true,
      data: { ownerId: user(NOT_OWNER), version: 2 },
    });
    const moved = await db().risk.findUniqueOrThrow({ where: { id: risk.id } });
    expect(await update(w.actors[OWNER], riskUpdateForm(moved, { title: "Old owner tries" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await update(w.actors[NOT_OWNER], riskUpdateForm(moved, { title: "New owner edits" }))).toMatchObject({
      ok: true,
      data: { version: 3 },
    });
  });

  it("lets an action's owner, who does not own the risk, move their action along, and nothing else", async () => {
    const risk = await ownedRisk("trust programme");
    const action = await createRiskActionRow({ riskId: risk.id, ownerId: user(NOT_OWNER) });
    const lastId = await lastAuditId();
    const result = await setStatus(w.actors[NOT_OWNER], action.id, "IN_PROGRESS");
    expect(result).toMatchObject({ ok: true, data: { status: "IN_PROGRESS", completedAt: null } });
    expect(await auditEventsAfter(lastId)).toMatchObject([
      {
        action: "risk.action.status",
        actorId: user(NOT_OWNER),
        entityId: risk.id,
        before: { status: "OPEN" },
        after: { status: "IN_PROGRESS" },
      },
    ]);
    // Owning an action is not owning the risk.
    expect(await update(w.actors[NOT_OWNER], riskUpdateForm(risk, { title: "Not mine" }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const raw = { riskId: risk.id, description: "Another action", ownerId: user(NOT_OWNER), dueDate: "2026-10-01" };
    expect(await runAction(addRiskActionSchema, addRiskAction, w.actors[NOT_OWNER], raw)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    // Another lead who owns neither the risk nor the action cannot touch it.
    const bystander = await createRiskActionRow({ riskId: risk.id, ownerId: user(OWNER) });
    expect(await setStatus(w.actors[NOT_OWNER], bystander.id, "DONE")).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it.each([["BOARD at the trust"], ["CLINICAL_APPROVER at the trust"], ["ADMIN at the trust"]] as const)(
    "never lets %s write, even when named an action's owner",
    async (key) => {
      const risk = await ownedRisk("trust programme");
      const action = await createRiskActionRow({ riskId: risk.id, ownerId: user(key) });
      const lastId = await lastAuditId();
      expect(await setStatus(w.actors[key], action.id, "DONE")).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db().riskAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
        status: "OPEN",
        completedAt: null,
      });
      expect(await auditEventsAfter(lastId)).toEqual([]);
    },
  );

  it("answers NOT_FOUND for a risk or action id that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const finance = w.actors["FINANCE at the trust"];
    const risk = await ownedRisk("trust programme");
    expect(await update(finance, riskUpdateForm(risk, { riskId: missing }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await runAction(closeRiskSchema, closeRisk, finance, { riskId: missing, version: "1", closureReason: "Gone" }),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await setStatus(finance, missing, "DONE")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await runAction(createRiskSchema, createRisk, finance, riskForm(missing, finance.userId))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
