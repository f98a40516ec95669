import { beforeAll, describe, expect, it } from "vitest";
import { setDelegatedQippSchema } from "@/modules/organisations/organisation-schemas";
import { setDelegatedQipp } from "@/modules/organisations/set-delegated-qipp";
import { createSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { createScheme } from "@/modules/schemes/scheme-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createSystemWithOrganisations } from "../factories";
import { schemeForm } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Issue 11 item 3: the organisation setting that lets a trust hold QIPP-style schemes its ICB delegates. */

describe("delegated QIPP", () => {
  useTestDatabase();

  let trustId: string;
  let icbId: string;
  const actors: Record<string, Actor> = {};

  const setting = (actor: Actor, organisationId: string, on: boolean) =>
    runAction(setDelegatedQippSchema, setDelegatedQipp, actor, {
      organisationId,
      ...(on ? { holdsDelegatedQipp: "on" } : {}),
    });
  const holds = async () => (await db().organisation.findUniqueOrThrow({ where: { id: trustId } })).holdsDelegatedQipp;

  beforeAll(async () => {
    const ours = await createSystemWithOrganisations({ trusts: 1 });
    const theirs = await createSystemWithOrganisations({ trusts: 1 });
    trustId = ours.trusts[0]!.id;
    icbId = ours.icb.id;
    actors["ADMIN at the ICB"] = await createActor([{ organisationId: icbId, role: "ADMIN" }]);
    actors["ADMIN at the trust"] = await createActor([{ organisationId: trustId, role: "ADMIN" }]);
    actors["FINANCE at the ICB, system-wide"] = await createActor([
      { organisationId: icbId, role: "FINANCE", systemWide: true },
    ]);
    actors["ADMIN at another system's ICB"] = await createActor([{ organisationId: theirs.icb.id, role: "ADMIN" }]);
    actors["FINANCE at the trust"] = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
  });

  it.each([
    ["ADMIN at the trust"],
    ["FINANCE at the ICB, system-wide"],
    ["ADMIN at another system's ICB"],
    ["FINANCE at the trust"],
  ])("refuses %s, writing nothing", async (key) => {
    const lastId = await lastAuditId();
    expect(await setting(actors[key]!, trustId, true)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await holds()).toBe(false);
    expect(await auditEventsAfter(lastId)).toEqual([]);
  });

  it("refuses a QIPP scheme at a trust that is not delegated QIPP", async () => {
    const result = await runAction(
      createSchemeSchema,
      createScheme,
      actors["FINANCE at the trust"]!,
      schemeForm(trustId, { programmeType: "QIPP" }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (!result.ok) expect(result.fieldErrors?.programmeType?.[0]).toMatch(/does not hold QIPP schemes/);
    expect(await db().scheme.count({ where: { organisationId: trustId } })).toBe(0);
  });

  it("lets the system's ICB administrator delegate QIPP to a trust, audited, and the trust then creates QIPP schemes", async () => {
    const lastId = await lastAuditId();
    expect(await setting(actors["ADMIN at the ICB"]!, trustId, true)).toMatchObject({
      ok: true,
      data: { holdsDelegatedQipp: true },
    });
    expect(await holds()).toBe(true);
    expect(await auditEventsAfter(lastId)).toMatchObject([
      {
        action: "organisation.delegated-qipp.set",
        entityId: trustId,
        before: { holdsDelegatedQipp: false },
        after: { holdsDelegatedQipp: true },
      },
    ]);
    const finance = actors["FINANCE at the trust"]!;
    const qipp = await runAction(
      createSchemeSchema,
      createScheme,
      finance,
      schemeForm(trustId, { programmeType: "QIPP" }),
    );
    const cip = await runAction(createSchemeSchema, createScheme, finance, schemeForm(trustId));
    expect(qipp).toMatchObject({ ok: true, data: { type: "QIPP", code: expect.stringMatching(/-QIPP-0001$/) } });
    expect(cip).toMatchObject({ ok: true, data: { type: "CIP", code: expect.stringMatching(/-CIP-0002$/) } });
  });

  it("refuses delegating QIPP to an ICB, which holds QIPP itself", async () => {
    const result = await setting(actors["ADMIN at the ICB"]!, icbId, true);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (!result.ok) expect(result.fieldErrors?.holdsDelegatedQipp?.[0]).toMatch(/only a trust can be delegated QIPP/);
  });
});
