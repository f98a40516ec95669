import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/modules/audit/record-audit";
import { db } from "@/server/db";
import { actorFor, createOrganisation, createUser } from "../factories";
import { useTestDatabase } from "../helpers/test-database";

describe("audit_event is append-only, enforced by the database", () => {
  const database = useTestDatabase();
  let eventId: bigint;
  let snapshot: unknown;

  beforeAll(async () => {
    const organisation = await createOrganisation();
    const user = await createUser({ roles: [{ organisationId: organisation.id, role: "ADMIN" }] });
    const actor = await actorFor(user.id);
    await db().$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "test.write",
        entityType: "organisation",
        entityId: organisation.id,
        organisationId: organisation.id,
        before: { n: 1n },
        after: { at: new Date("2026-04-01T00:00:00Z") },
      }),
    );
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "test.write" } });
    eventId = event.id;
    snapshot = event;
  });

  it("accepts inserts, with the actor, entity and JSON-safe before/after", async () => {
    expect(snapshot).toMatchObject({
      action: "test.write",
      entityType: "organisation",
      before: { n: "1" },
      after: { at: "2026-04-01T00:00:00.000Z" },
    });
    const { rows } = await database.query(
      "INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('raw.insert', 'x', '1') RETURNING id",
    );
    expect(rows).toHaveLength(1);
  });

  it.each([
    ["UPDATE", `UPDATE audit_event SET action = 'tampered' WHERE id = $1`, true],
    ["UPDATE of every row", `UPDATE audit_event SET after = NULL`, false],
    ["DELETE", `DELETE FROM audit_event WHERE id = $1`, true],
    ["DELETE of every row", `DELETE FROM audit_event`, false],
    ["TRUNCATE", `TRUNCATE audit_event`, false],
    ["TRUNCATE through a cascade", `TRUNCATE app_user CASCADE`, false],
  ])("rejects %s, even from a superuser, and leaves the event as it was", async (_label, sql, byId) => {
    const { rows: who } = await database.query<{ superuser: boolean }>(
      "SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user",
    );
    expect(who[0]!.superuser).toBe(true);
    await expect(database.query(sql, byId ? [eventId.toString()] : [])).rejects.toThrow(/audit_event is append-only/);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toEqual(snapshot);
  });

  it("rejects changes made through Prisma too, where the app's role may not even try", async () => {
    // db() connects as the least-privilege application role (database-role.int.test.ts).
    await expect(db().auditEvent.update({ where: { id: eventId }, data: { action: "tampered" } })).rejects.toThrow(
      /permission denied/,
    );
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/permission denied/);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toEqual(snapshot);
  });
});
