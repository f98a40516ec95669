import { beforeAll, describe, expect, it } from "vitest";
import { decideGateway } from "@/modules/gateways/decide-gateway";
import { decideGatewaySchema, submitForGatewaySchema } from "@/modules/gateways/gateway-schemas";
import { submitForGateway } from "@/modules/gateways/submit-for-gateway";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { NOW, createGateOneReadyScheme, createGatewayWorld, type GatewayWorld } from "../factories/gateways";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 16's "gateway conditions past due": an approval's conditions may carry the date they are
 * due by (a date field of the decision form); a date in the past, or one without conditions, is
 * refused on its field; the scheme's lead is reminded once the date has passed and a condition is
 * still open, and the reminder goes when the condition is met.
 */

let w: GatewayWorld;
let finance: Actor;
let lead: Actor;

const submit = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(submitForGatewaySchema, (a, i) => submitForGateway(a, i, NOW), actor, raw);
const decide = (actor: Actor, raw: Record<string, unknown>) =>
  runAction(decideGatewaySchema, (a, i) => decideGateway(a, i, NOW), actor, raw);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAfter = (n: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate() + n));

describe("gateway conditions with a due date", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createGatewayWorld();
    finance = w.actors["FINANCE at the trust"];
    lead = w.actors["LEAD at the trust, the scheme's lead"];
  });

  it("refuses a past date and a date without conditions on the field; stores the date; reminds the lead once it has passed", async () => {
    const s = await createGateOneReadyScheme(w);
    expect(await submit(lead, { schemeId: s.id, version: "1", gate: "1" })).toMatchObject({ ok: true });
    const base = { schemeId: s.id, version: "2", gate: "1", decision: "APPROVE" };
    expect(
      await decide(finance, { ...base, conditions: "Confirm bank rates", conditionsDueOn: iso(daysAfter(-1)) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { conditionsDueOn: ["The conditions' due date cannot be in the past"] },
    });
    expect(await decide(finance, { ...base, conditionsDueOn: iso(daysAfter(10)) })).toMatchObject({
      ok: false,
      fieldErrors: {
        conditionsDueOn: ["A due date needs conditions to apply to: write them above, or clear the date"],
      },
    });
    expect(
      await decide(finance, { ...base, conditions: "Confirm bank rates", conditionsDueOn: "31/12/2030" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { conditionsDueOn: ["Enter the date the conditions are due by as a date, e.g. 2026-12-31"] },
    });

    const lastId = await lastAuditId();
    const due = daysAfter(10);
    expect(
      await decide(finance, {
        ...base,
        conditions: "Confirm bank rates with staff side\nReport fill rate monthly",
        conditionsDueOn: iso(due),
      }),
    ).toMatchObject({ ok: true });
    const conditions = await db().trackedCondition.findMany({
      where: { schemeId: s.id },
      orderBy: { description: "asc" },
    });
    expect(conditions.map((c) => [c.description, c.dueOn?.toISOString()])).toEqual([
      ["Confirm bank rates with staff side", due.toISOString()],
      ["Report fill rate monthly", due.toISOString()],
    ]);
    expect((await auditEventsAfter(lastId)).find((e) => e.action === "gateway.approved")?.after).toMatchObject({
      conditionsDueOn: due.toISOString(),
    });

    const reminders = async (at: Date) => {
      await syncNotifications({ now: at, userId: lead.userId });
      return db().notification.findMany({
        where: { userId: lead.userId, causeKey: { in: conditions.map((c) => `condition:${c.id}`) } },
        orderBy: { causeKey: "asc" },
        select: { title: true, detail: true, dueOn: true },
      });
    };
    // On the due date itself: not yet past due.
    expect(await reminders(new Date(due.getTime() + 12 * 3_600_000))).toEqual([]);
    const after = await reminders(new Date(daysAfter(11).getTime() + 9 * 3_600_000));
    expect(after).toHaveLength(2);
    for (const n of after)
      expect(n).toEqual({
        title: `Condition past due: ${s.code} ${s.title}`,
        detail: `Was due ${due.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}`,
        dueOn: due,
      });
    // Met: its reminder goes by itself.
    await db().trackedCondition.update({
      where: { id: conditions[0]!.id },
      data: { metAt: daysAfter(11), metById: finance.userId },
    });
    expect(await reminders(daysAfter(12))).toHaveLength(1);
  });
});
