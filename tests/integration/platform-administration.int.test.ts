import { beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganisation } from "@/modules/organisations/create-organisation";
import { createSystem } from "@/modules/organisations/create-system";
import { findManagedSystems } from "@/modules/organisations/find-organisations";
import { ORGANISATION_KINDS } from "@/modules/organisations/organisation-kinds";
import { createOrganisationSchema, createSystemSchema } from "@/modules/organisations/organisation-schemas";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import * as factories from "../factories";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 11 item 2: a platform administrator creates systems (an ICS and its ICB) and
 * organisations of every NHS kind with a validated ODS code; a system administrator manages
 * only their own system. Bad input names its field and writes nothing; refusals of the server
 * actions (permission, duplicates) are audited.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({
  getActor: async () => session.actor,
  getSignedInActor: async () => session.actor,
  requireActor: async () => session.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let platform: Actor;
let northAdmin: Actor;
let north: { systemId: string; icbId: string; icbOdsCode: string; icbCode: string; systemName: string };

const systemInput = (changes: Record<string, unknown> = {}) => {
  const token = factories.uniqueToken();
  return {
    name: `Test ICS ${token}`,
    icbName: `NHS Test ICB ${token}`,
    icbCode: `I${token}`.slice(0, 12),
    icbOdsCode: factories.uniqueOdsCode("ICB"),
    ...changes,
  };
};
const organisationInput = (systemId: string, changes: Record<string, unknown> = {}) => {
  const token = factories.uniqueToken();
  return {
    name: `Test Trust ${token}`,
    code: `M${token}`.slice(0, 12),
    odsCode: factories.uniqueOdsCode(),
    kind: "MENTAL_HEALTH",
    systemId,
    ...changes,
  };
};

describe("platform administration", () => {
  useTestDatabase();

  beforeAll(async () => {
    platform = await factories.createPlatformAdmin();
    const created = await runAction(createSystemSchema, createSystem, platform, systemInput());
    if (!created.ok) throw new Error(created.message);
    const icb = created.data.icb;
    north = {
      systemId: created.data.system.id,
      icbId: icb.id,
      icbOdsCode: icb.odsCode!,
      icbCode: icb.code,
      systemName: created.data.system.name,
    };
    northAdmin = await factories.createActor([{ organisationId: icb.id, role: "ADMIN", systemWide: true }]);
  }, 60_000);

  it("creates a system with its ICB in one transaction, audited once", async () => {
    const before = await rowCounts();
    const last = await lastAuditId();
    const input = systemInput({ icbOdsCode: " qe9 " });
    const result = await runAction(createSystemSchema, createSystem, platform, input);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.icb).toMatchObject({
      type: "ICB",
      kind: "ICB",
      odsCode: "QE9",
      systemId: result.data.system.id,
    });
    const after = await rowCounts();
    expect([after.health_system! - before.health_system!, after.organisation! - before.organisation!]).toEqual([1, 1]);
    expect(await auditEventsAfter(last)).toMatchObject([
      { action: "system.create", entityId: result.data.system.id, organisationId: result.data.icb.id },
    ]);
  });

  it("adds an organisation of every NHS kind but a second ICB; the type follows the kind", async () => {
    const { system } = await factories.createSystemWithOrganisations({ trusts: 0 });
    for (const kind of ORGANISATION_KINDS.filter((k) => k !== "ICB")) {
      const result = await runAction(createOrganisationSchema, createOrganisation, platform, {
        ...organisationInput(system.id, { kind }),
      });
      expect(result, kind).toMatchObject({ ok: true, data: { kind, type: "TRUST" } });
    }
    const icb = await runAction(
      createOrganisationSchema,
      createOrganisation,
      platform,
      organisationInput(system.id, { kind: "ICB", odsCode: factories.uniqueOdsCode("ICB") }),
    );
    expect(icb).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { kind: [expect.stringMatching(/one/)] } });

    const empty = await factories.createSystem();
    expect(
      await runAction(
        createOrganisationSchema,
        createOrganisation,
        platform,
        organisationInput(empty.id, { kind: "ICB", odsCode: factories.uniqueOdsCode("ICB") }),
      ),
    ).toMatchObject({ ok: true, data: { kind: "ICB", type: "ICB" } });
  });

  it("gives the platform administrator ADMIN at every organisation; a system administrator manages only theirs", async () => {
    const platformActor = await factories.actorFor(platform.userId);
    const everyOrganisation = await db().organisation.count();
    expect(platformActor.organisations).toHaveLength(everyOrganisation);
    expect(platformActor.organisations.every((o) => o.roles.includes("ADMIN"))).toBe(true);
    expect((await findManagedSystems(platformActor)).length).toBe(await db().healthSystem.count());

    const adminActor = await factories.actorFor(northAdmin.userId);
    expect(await findManagedSystems(adminActor)).toEqual([{ id: north.systemId, name: north.systemName }]);
    expect(adminActor.organisations.every((o) => o.systemId === north.systemId)).toBe(true);
  });

  const badSystem: [string, string, string, () => Record<string, unknown>][] = [
    ["system name too short", "name", "VALIDATION", () => systemInput({ name: "AB" })],
    ["no ICB name", "icbName", "VALIDATION", () => systemInput({ icbName: " " })],
    ["ICB short code with symbols", "icbCode", "VALIDATION", () => systemInput({ icbCode: "QE-1" })],
    ["ICB ODS code of a trust", "icbOdsCode", "VALIDATION", () => systemInput({ icbOdsCode: "RXN" })],
    ["ICB ODS code too long", "icbOdsCode", "VALIDATION", () => systemInput({ icbOdsCode: "QE1AB" })],
    ["system name taken (any case)", "name", "CONFLICT", () => systemInput({ name: north.systemName.toUpperCase() })],
    ["ICB short code taken", "icbCode", "CONFLICT", () => systemInput({ icbCode: north.icbCode.toLowerCase() })],
    ["ICB ODS code taken", "icbOdsCode", "CONFLICT", () => systemInput({ icbOdsCode: north.icbOdsCode })],
  ];
  it.each(badSystem)("createSystem, %s: %s names the field, nothing written", async (_label, field, code, input) => {
    const before = await rowCounts();
    const result = await runAction(createSystemSchema, createSystem, platform, input());
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses at the database an organisation whose kind and type disagree", async () => {
    const system = await factories.createSystem();
    await expect(
      db().organisation.create({
        data: { name: "Mismatch", code: "MISMATCH", type: "TRUST", kind: "ICB", systemId: system.id },
      }),
    ).rejects.toThrow();
  });

  describe("server actions: refusals are audited and write nothing else", () => {
    it.each([
      [
        "a system administrator adds an organisation to another system",
        async () => (await factories.createSystemWithOrganisations({ trusts: 0 })).system.id,
        "access.denied",
        /Only an administrator of the system's ICB/,
      ],
      ["a duplicate ODS code", async () => north.systemId, "action.refused", /already has this ODS code/],
    ] as const)("createOrganisation: %s", async (_label, systemIdFor, action, message) => {
      const { createOrganisationAction } = await import("@/modules/organisations/organisation-actions");
      const systemId = await systemIdFor();
      const taken = await factories.createOrganisation({
        systemId: north.systemId,
        odsCode: factories.uniqueOdsCode(),
      });
      const input = organisationInput(systemId, action === "action.refused" ? { odsCode: taken.odsCode } : {});
      session.actor = northAdmin;
      const before = await rowCounts();
      const last = await lastAuditId();
      const result = await createOrganisationAction(null, input as never);
      session.actor = null;
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toMatch(message);
      expect(await auditEventsAfter(last)).toMatchObject([
        { action, actorId: northAdmin.userId, entityId: "createOrganisation" },
      ]);
      expect({ ...(await rowCounts()), audit_event: before.audit_event }).toEqual(before);
    });

    it("createSystem by a system administrator: refused, audited, nothing written", async () => {
      const { createSystemAction } = await import("@/modules/organisations/organisation-actions");
      session.actor = northAdmin;
      const before = await rowCounts();
      const last = await lastAuditId();
      const result = await createSystemAction(null, systemInput());
      session.actor = null;
      expect(result).toMatchObject({ ok: false, message: "Only a platform administrator can create a system." });
      expect(await auditEventsAfter(last)).toMatchObject([{ action: "access.denied", entityId: "createSystem" }]);
      expect({ ...(await rowCounts()), audit_event: before.audit_event }).toEqual(before);
    });

    it("createSystem with a duplicate ICB code: refused on the field, audited", async () => {
      const { createSystemAction } = await import("@/modules/organisations/organisation-actions");
      session.actor = platform;
      const last = await lastAuditId();
      const result = await createSystemAction(null, systemInput({ icbCode: north.icbCode }));
      session.actor = null;
      expect(result).toMatchObject({ ok: false, fieldErrors: { icbCode: [expect.stringMatching(/short code/)] } });
      expect(await auditEventsAfter(last)).toMatchObject([{ action: "action.refused", entityId: "createSystem" }]);
    });
  });
});
