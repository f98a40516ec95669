import { beforeAll, describe, expect, it } from "vitest";
import { updateSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { updateScheme } from "@/modules/schemes/scheme-writes";
import { db } from "@/server/db";
import { createGateThreeReadyScheme, createGatewayWorld, type GatewayWorld } from "../factories/gateways";
import { schemeForm } from "../factories/schemes";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** After gateway 2 the lead cannot move the in-year value or year the plan was baselined against. */

let w: GatewayWorld;

async function edit(schemeId: string, who: keyof GatewayWorld["actors"], overrides: Record<string, unknown>) {
  const scheme = await db().scheme.findUniqueOrThrow({ where: { id: schemeId } });
  const form = schemeForm(w.trustId, {
    title: scheme.title,
    description: scheme.description,
    workstreamId: scheme.workstreamId ?? "",
    inYearValue: String(Number(scheme.inYearValuePence) / 100),
    fullYearEffect: String(Number(scheme.fullYearEffectPence) / 100),
    startMonth: String(scheme.startMonth ?? ""),
    ...overrides,
  });
  return runAction(updateSchemeSchema, updateScheme, w.actors[who], {
    ...form,
    schemeId,
    version: String(scheme.version),
  });
}

describe("a scheme's values once its plan is locked", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createGatewayWorld();
  });

  it("refuses the lead a new in-year value, with the reason on the field", async () => {
    const s = await createGateThreeReadyScheme(w);
    const result = await edit(s.id, "LEAD at the trust, the scheme's lead", { inYearValue: "95000" });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        inYearValue: ["The plan was baselined at gateway 2: only finance or the PMO can change this now"],
      },
    });
    expect((await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).inYearValuePence).toBe(9_000_000n);
  });

  it("lets the lead change the words, and finance the value", async () => {
    const s = await createGateThreeReadyScheme(w);
    expect(
      await edit(s.id, "LEAD at the trust, the scheme's lead", { title: "Agency cap: theatres and wards" }),
    ).toMatchObject({ ok: true });
    expect(await edit(s.id, "FINANCE at the trust", { inYearValue: "95000" })).toMatchObject({ ok: true });
    expect(await db().scheme.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      title: "Agency cap: theatres and wards",
      inYearValuePence: 9_500_000n,
    });
  });
});
