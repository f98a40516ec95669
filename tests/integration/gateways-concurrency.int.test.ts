import { beforeAll, describe, expect, it } from "vitest";
import { decideGateway } from "@/modules/gateways/decide-gateway";
import { decideGatewaySchema, moveSchemeSchema, submitForGatewaySchema } from "@/modules/gateways/gateway-schemas";
import { moveSchemeStage } from "@/modules/gateways/move-scheme-stage";
import { submitForGateway } from "@/modules/gateways/submit-for-gateway";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import {
  NOW,
  createGateOneReadyScheme,
  createGateTwoReadyScheme,
  createGatewayWorld,
  type GatewayWorld,
} from "../factories/gateways";
import { createActor } from "../factories/index";
import { auditEventsAfter, lastAuditId } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Two people acting on one scheme at the same moment with the same version (DESIGN.md
 * section 3: "two approvers record one decision"). The scheme row is locked and its version
 * checked, so exactly one write lands; the other is refused with STALE or CONFLICT, and its
 * refusal is audited. Each race runs several rounds on fresh schemes so the overlap is real.
 */

const ROUNDS = 5;

let w: GatewayWorld;
let director: Actor;
let secondDirector: Actor;
let icbFinance: Actor;

const approve = (actor: Actor, schemeId: string, gate = 2) =>
  decideGateway(
    actor,
    decideGatewaySchema.parse({ schemeId, version: "1", gate: String(gate), decision: "APPROVE" }),
    NOW,
  );
const reject = (actor: Actor, schemeId: string) =>
  decideGateway(
    actor,
    decideGatewaySchema.parse({
      schemeId,
      version: "1",
      gate: "2",
      decision: "REJECT",
      reason: "Savings not evidenced",
    }),
    NOW,
  );

/** Exactly one of the two fulfilled; the other was refused as a lost race. Returns the winner's index. */
function oneWinner(results: PromiseSettledResult<unknown>[]): number {
  expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  const loser = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
  expect(loser.reason).toBeInstanceOf(DomainError);
  expect(["STALE", "CONFLICT"]).toContain((loser.reason as DomainError).code);
  return results.findIndex((r) => r.status === "fulfilled");
}

const kinds = async (schemeId: string) =>
  (await db().gatewayDecision.findMany({ where: { schemeId }, orderBy: { decidedAt: "asc" } })).map((d) => d.kind);

describe("gateway decisions: concurrency", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createGatewayWorld();
    director = w.actors["FINANCE at the trust"];
    icbFinance = w.actors["FINANCE at the ICB, system-wide"];
    secondDirector = await createActor([{ organisationId: w.trustId, role: "FINANCE", financeCapacity: "DIRECTOR" }]);
  });

  it.each(Array.from({ length: ROUNDS }, (_, i) => [i + 1] as const))(
    "round %i: two approvers approve the same submitted scheme at once: one decision, one move, one baseline",
    async (round) => {
      const other = round % 2 ? icbFinance : secondDirector;
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      const lastId = await lastAuditId();
      const results = await Promise.allSettled([approve(director, s.id), approve(other, s.id)]);
      const winner = [director, other][oneWinner(results)]!;

      expect(await db().gatewayDecision.findMany({ where: { schemeId: s.id } })).toMatchObject([
        { kind: "APPROVED", gate: 2, decidedById: winner.userId, schemeVersion: 1 },
      ]);
      expect(await db().planBaseline.count({ where: { schemeId: s.id } })).toBe(1);
      expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
        stage: "DELIVERY",
        version: 2,
        submittedGate: null,
      });
      const events = (await auditEventsAfter(lastId)).filter((e) => e.entityId === s.id);
      expect(events.map((e) => e.action).sort()).toEqual(["gateway.approve.refused", "gateway.approved"]);
    },
  );

  it.each(Array.from({ length: ROUNDS }, (_, i) => [i + 1] as const))(
    "round %i: approve and reject at once: exactly one decision, and the stage matches it",
    async () => {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      const results = await Promise.allSettled([approve(director, s.id), reject(icbFinance, s.id)]);
      const approved = oneWinner(results) === 0;
      expect(await kinds(s.id)).toEqual([approved ? "APPROVED" : "REJECTED"]);
      expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
        stage: approved ? "DELIVERY" : "REJECTED",
        version: 2,
        planLockedAt: approved ? NOW : null,
      });
      expect(await db().planBaseline.count({ where: { schemeId: s.id } })).toBe(approved ? 1 : 0);
    },
  );

  it("of five approvers at once exactly one decides gateway 1", async () => {
    const approvers = [director, secondDirector, icbFinance, w.gatewayActors["PMO at the trust"], director];
    const s = await createGateOneReadyScheme(w, { submittedAt: NOW });
    const results = await Promise.allSettled(approvers.map((a) => approve(a, s.id, 1)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(["STALE", "CONFLICT"]).toContain((r.reason as DomainError).code);
    expect(await kinds(s.id)).toEqual(["APPROVED"]);
    expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      stage: "PLANNING",
      version: 2,
    });
  });

  it("the lead putting a scheme on hold while finance approves it: one of them wins, never both", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await createGateTwoReadyScheme(w, { submittedAt: NOW });
      const hold = moveSchemeStage(
        w.actors["LEAD at the trust, the scheme's lead"],
        moveSchemeSchema.parse({ schemeId: s.id, version: "1", move: "HOLD", reason: "Ward closing" }),
      );
      const results = await Promise.allSettled([approve(director, s.id), hold]);
      const approved = oneWinner(results) === 0;
      expect(await kinds(s.id)).toEqual([approved ? "APPROVED" : "ON_HOLD"]);
      expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
        stage: approved ? "DELIVERY" : "ON_HOLD",
        version: 2,
      });
    }
  });

  it("the lead and finance submitting at once record one submission", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await createGateOneReadyScheme(w);
      const input = submitForGatewaySchema.parse({ schemeId: s.id, version: "1", gate: "1" });
      const results = await Promise.allSettled([
        submitForGateway(w.actors["LEAD at the trust, the scheme's lead"], input, NOW),
        submitForGateway(director, input, NOW),
      ]);
      oneWinner(results);
      expect(await kinds(s.id)).toEqual(["SUBMITTED"]);
      expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
        submittedGate: 1,
        version: 2,
      });
    }
  });
});
